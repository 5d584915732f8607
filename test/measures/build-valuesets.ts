/**
 * Regenerates `src/measures/valuesets/valuesets.json` from the official eCQM packages.
 *
 *   node --import tsx test/measures/build-valuesets.ts [path/to/ecqm]   (default: ../shared/ecqm)
 *
 * It reads the `valueset "Name": 'url'` declarations of every CQL library the two measures' populations use
 * (SupplementalDataElements is skipped: the engine does not compute SDEs) and copies each value set's expansion
 * from the packages' `valuesets.json` bundles, grouped by code system. Run it when a new measure version lands,
 * then run the deck test.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { z } from 'zod';

const ecqmDir = resolve(process.argv[2] ?? join(import.meta.dirname, '../../../shared/ecqm'));
const outFile = resolve(import.meta.dirname, '../../src/measures/valuesets/valuesets.json');
const PACKAGES = ['CMS165-2025', 'CMS122-2025'];
const SKIPPED_LIBRARIES = /^SupplementalDataElements-/;

const ExpandedValueSet = z.object({
  url: z.string(),
  version: z.string().optional(),
  expansion: z.object({ contains: z.array(z.object({ system: z.string(), code: z.string() })) }),
});
const ValueSetBundle = z.object({ entry: z.array(z.object({ resource: z.unknown() })) });

/** CQL name and URL of each value set a measure's logic declares. */
function declaredValueSets(pkg: string): Map<string, string> {
  const found = new Map<string, string>();
  const cqlDir = join(ecqmDir, pkg, 'cql');
  for (const file of readdirSync(cqlDir)) {
    if (!file.endsWith('.cql') || SKIPPED_LIBRARIES.test(file)) continue;
    const text = readFileSync(join(cqlDir, file), 'utf8');
    for (const m of text.matchAll(/^valueset "([^"]+)":\s*'([^']+)'/gm)) {
      const [, name, url] = m;
      if (name !== undefined && url !== undefined) found.set(url, name);
    }
  }
  return found;
}

function expansions(pkg: string): Map<string, z.infer<typeof ExpandedValueSet>> {
  const bundle = ValueSetBundle.parse(JSON.parse(readFileSync(join(ecqmDir, pkg, 'valuesets.json'), 'utf8')));
  const byUrl = new Map<string, z.infer<typeof ExpandedValueSet>>();
  for (const { resource } of bundle.entry) {
    const parsed = ExpandedValueSet.safeParse(resource);
    if (parsed.success) byUrl.set(parsed.data.url, parsed.data);
  }
  return byUrl;
}

interface OutputValueSet {
  name: string;
  version: string | undefined;
  codes: Record<string, string[]>;
}

const output: Record<string, OutputValueSet> = {};
for (const pkg of PACKAGES) {
  const available = expansions(pkg);
  for (const [url, name] of declaredValueSets(pkg)) {
    const vs = available.get(url);
    if (!vs) throw new Error(`${pkg}: no expansion for ${name} (${url})`);
    const codes: Record<string, string[]> = {};
    for (const { system, code } of vs.expansion.contains) (codes[system] ??= []).push(code);
    for (const list of Object.values(codes)) list.sort();
    const previous = output[url];
    if (previous && JSON.stringify(previous.codes) !== JSON.stringify(codes)) {
      throw new Error(`${name}: the packages disagree on its expansion`);
    }
    output[url] = { name, version: vs.version, codes };
  }
}

const sorted = Object.fromEntries(Object.entries(output).sort(([a], [b]) => a.localeCompare(b)));
const json = JSON.stringify({ source: 'cqframework eCQM packages CMS165-2025, CMS122-2025', valueSets: sorted });
const options = await resolveConfig(outFile);
writeFileSync(outFile, await format(json, { ...options, filepath: outFile }));
const codeCount = Object.values(output).reduce((n, vs) => n + Object.values(vs.codes).flat().length, 0);
console.log(`wrote ${Object.keys(output).length} value sets, ${codeCount} codes → ${outFile}`);
