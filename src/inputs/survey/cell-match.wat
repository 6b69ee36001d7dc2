;; The scan worker's comparison of cells with the texts its columns have numbered
;; (cell-numbers.ts; docs/architecture.md, "Large inputs"), for a whole batch of rows at once.
;; Built into the bundle as WebAssembly by scripts/build.mjs (cell-match.ts loads it).
;;
;; For each row and each column asked for: a plain cell shorter than 64 bytes whose length only
;; one numbered text of the column has, and whose bytes are that text's, gets that text's number.
;; Every other cell is left to the caller, which numbers it as cell-numbers.ts always has: the
;; answer is the same either way, as a number only ever stands for one text. In JavaScript this
;; comparison is a loop per cell whose length changes from cell to cell, and the branches it
;; mispredicts cost more than the bytes: here it is four words of eight bytes, the bytes past the
;; text's length masked off, without a branch (eight words past 32 bytes).
;;
;; Memory, laid out by cell-match.ts (every address a byte offset; i32 little-endian):
;;   table   per column j, per length n < 64, an entry of 136 bytes at (j * 64 + n) * 136:
;;           the number (i32; -1: none to compare with), 4 bytes unused, the text's bytes as
;;           8 words of 8 bytes (zero past its length), then 8 words of masks (0xff per byte of it)
;;   index   per column j: the column's index in a row (i32)
;;   place   per column j: where its number goes among a row's numbers (i32)
;;   text    the batch's text, one byte per character (ASCII only), and 64 bytes after it
;;   starts, ends (i32 per cell), quoted (u8 per cell, 0: plain): the scanner's cells
;;   rows    per row: its first cell and its cell count (i32 each)
;;   out     per row: `width` numbers (i32); only the places of matched cells are written
;;   asks    per cell left to the caller: its row and column j (i32 each)
;; Returns how many cells were left to the caller.
(module
  (memory (export "memory") 1)
  (func (export "match")
    (param $rows i32) (param $width i32) (param $columns i32)
    (param $table i32) (param $index i32) (param $place i32)
    (param $text i32) (param $starts i32) (param $ends i32) (param $quoted i32)
    (param $cells i32) (param $out i32) (param $asks i32)
    (result i32)
    (local $r i32) (local $j i32) (local $first i32) (local $count i32) (local $column i32)
    (local $cell i32) (local $start i32) (local $length i32) (local $entry i32) (local $number i32)
    (local $at i32) (local $numbers i32) (local $asked i32)
    (block $rowsDone
      (loop $eachRow
        (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $first (i32.load (i32.add (local.get $cells) (i32.shl (local.get $r) (i32.const 3)))))
        (local.set $count (i32.load offset=4 (i32.add (local.get $cells) (i32.shl (local.get $r) (i32.const 3)))))
        (local.set $numbers (i32.add (local.get $out) (i32.shl (i32.mul (local.get $r) (local.get $width)) (i32.const 2))))
        (local.set $j (i32.const 0))
        (block $columnsDone
          (loop $eachColumn
            (br_if $columnsDone (i32.ge_u (local.get $j) (local.get $columns)))
            (block $next
              (block $ask
                (local.set $column (i32.load (i32.add (local.get $index) (i32.shl (local.get $j) (i32.const 2)))))
                ;; Past the row's last cell, a quoted cell, a long one: the caller's.
                (br_if $ask (i32.ge_u (local.get $column) (local.get $count)))
                (local.set $cell (i32.add (local.get $first) (local.get $column)))
                (br_if $ask (i32.load8_u (i32.add (local.get $quoted) (local.get $cell))))
                (local.set $start (i32.load (i32.add (local.get $starts) (i32.shl (local.get $cell) (i32.const 2)))))
                (local.set $length (i32.sub (i32.load (i32.add (local.get $ends) (i32.shl (local.get $cell) (i32.const 2)))) (local.get $start)))
                (br_if $ask (i32.ge_u (local.get $length) (i32.const 64)))
                (local.set $entry (i32.add (local.get $table) (i32.mul (i32.add (i32.shl (local.get $j) (i32.const 6)) (local.get $length)) (i32.const 136))))
                (local.set $number (i32.load (local.get $entry)))
                (br_if $ask (i32.lt_s (local.get $number) (i32.const 0)))
                (local.set $at (i32.add (local.get $text) (local.get $start)))
                (br_if $ask (i64.ne (i64.const 0)
                  (i64.or
                    (i64.or
                      (i64.and (i64.xor (i64.load (local.get $at)) (i64.load offset=8 (local.get $entry))) (i64.load offset=72 (local.get $entry)))
                      (i64.and (i64.xor (i64.load offset=8 (local.get $at)) (i64.load offset=16 (local.get $entry))) (i64.load offset=80 (local.get $entry))))
                    (i64.or
                      (i64.and (i64.xor (i64.load offset=16 (local.get $at)) (i64.load offset=24 (local.get $entry))) (i64.load offset=88 (local.get $entry)))
                      (i64.and (i64.xor (i64.load offset=24 (local.get $at)) (i64.load offset=32 (local.get $entry))) (i64.load offset=96 (local.get $entry)))))))
                (if (i32.gt_u (local.get $length) (i32.const 32))
                  (then
                    (br_if $ask (i64.ne (i64.const 0)
                      (i64.or
                        (i64.or
                          (i64.and (i64.xor (i64.load offset=32 (local.get $at)) (i64.load offset=40 (local.get $entry))) (i64.load offset=104 (local.get $entry)))
                          (i64.and (i64.xor (i64.load offset=40 (local.get $at)) (i64.load offset=48 (local.get $entry))) (i64.load offset=112 (local.get $entry))))
                        (i64.or
                          (i64.and (i64.xor (i64.load offset=48 (local.get $at)) (i64.load offset=56 (local.get $entry))) (i64.load offset=120 (local.get $entry)))
                          (i64.and (i64.xor (i64.load offset=56 (local.get $at)) (i64.load offset=64 (local.get $entry))) (i64.load offset=128 (local.get $entry)))))))))
                (i32.store
                  (i32.add (local.get $numbers) (i32.shl (i32.load (i32.add (local.get $place) (i32.shl (local.get $j) (i32.const 2)))) (i32.const 2)))
                  (local.get $number))
                (br $next))
              (i32.store (i32.add (local.get $asks) (i32.shl (local.get $asked) (i32.const 3))) (local.get $r))
              (i32.store offset=4 (i32.add (local.get $asks) (i32.shl (local.get $asked) (i32.const 3))) (local.get $j))
              (local.set $asked (i32.add (local.get $asked) (i32.const 1))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $eachColumn)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $eachRow)))
    (local.get $asked)))
