/** Every format of one registry, loaded through the same lazy loaders production uses. */
export async function loadAll<Name extends string, Formatter>(
  names: readonly Name[],
  load: (name: Name) => Promise<Formatter>,
): Promise<Record<Name, Formatter>> {
  const entries = await Promise.all(names.map(async (name) => [name, await load(name)] as const));
  return Object.fromEntries(entries) as Record<Name, Formatter>;
}
