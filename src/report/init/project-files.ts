/**
 * The files `svcaudit init` writes (docs/configuration.md, and the README's "CI"): a commented
 * configuration file and a GitHub Actions workflow. The README shows the same workflow, and a test
 * holds the two to each other, so the example people copy is the one `init` writes.
 */

/** Where `init` puts the answers file it starts the audits folder with. */
export const FIRST_ANSWERS = 'audits/self-audit.yaml';

export function configFileText(rubric: string): string {
  return `# yaml-language-server: $schema=https://unpkg.com/svcaudit/schemas/config.schema.json
# svcaudit's settings for this project, found by every svcaudit run in this folder or below it.
# Every key is optional, paths are relative to this file, and flags given on the command line win.
# Every key is explained in docs/configuration.md of the svcaudit package.
svcaudit: 1

# The rubric answers are scored against: a built-in id (\`svcaudit rubrics\`) or a rubric file.
rubric: ${rubric}

# The organisation audited, shown in report headers.
# organisation: Harbour Street Surgery

# Glob patterns left out when svcaudit looks through folders, read as .gitignore reads them.
# ignore:
#   - drafts/
#   - "**/*.draft.yaml"

score:
  # text, json, markdown, csv or html
  # format: text
  # A respondent field to compare groups by, such as role.
  # by: role
  # Exit 1 when the overall index (0-100) is below this.
  # fail-under: 60
  # Flag items whose group scores differ by this many points or more.
  # perception-gap: 1

validate:
  # stylish, json, junit, sarif or github; a list for several at once.
  # format: stylish
  # Exit 1 when there are more warnings than this.
  # max-warnings: 0

compare:
  # text, json, markdown or html
  # format: text
`;
}

export const WORKFLOW_PATH = '.github/workflows/svcaudit.yml';

/** The workflow of the README's "CI": validate, upload the findings, score with a gate, summarise. */
export const WORKFLOW = `# Checks the audit files on every push and pull request: findings as annotations on the pull
# request and in code scanning, the score against a gate, the report on the job's summary page.
name: svcaudit
on:
  push:
  pull_request:
permissions:
  contents: read
  security-events: write # to upload the findings to code scanning
jobs:
  audit:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      # Pin the version you have checked (svcaudit@0.1.0) so that a new release cannot move the gate.
      - run: npm install --global svcaudit
      # Annotations and a job summary (github), and SARIF for code scanning, from one run.
      - name: Validate
        run: svcaudit validate . --format github --format sarif --output sarif=svcaudit.sarif
      # always(): the findings are uploaded when validation failed too, which is when they matter.
      - name: Upload the findings to code scanning
        if: always() && hashFiles('svcaudit.sarif') != ''
        uses: github/codeql-action/upload-sarif@v3
        with:
          sarif_file: svcaudit.sarif
          category: svcaudit
      - name: Score
        run: svcaudit score audits/ --fail-under 60 --format markdown --output svcaudit-report.md
      - name: Job summary
        if: always() && hashFiles('svcaudit-report.md') != ''
        run: cat svcaudit-report.md >> "$GITHUB_STEP_SUMMARY"
`;
