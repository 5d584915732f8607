import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { z } from 'zod';

// Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time per function, and time including callees for the
// functions of this repository, so hot spots can be reported as file:function with numbers.
//   node --import tsx bench/profile-summary.ts <file.cpuprofile> [top=25]

const Profile = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }),
      hitCount: z.number().optional(),
      children: z.array(z.number()).optional(),
    }),
  ),
  startTime: z.number(),
  endTime: z.number(),
  samples: z.array(z.number()),
});

const [file, topArg] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: profile-summary.ts <file.cpuprofile> [top]');
const top = Number(topArg ?? 25);
const profile = Profile.parse(JSON.parse(readFileSync(file, 'utf8')));
const totalMs = (profile.endTime - profile.startTime) / 1000;
const sampleMs = totalMs / Math.max(1, profile.samples.length);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const label = (id: number): string => {
  const n = byId.get(id);
  if (n === undefined) return '?';
  const url = n.callFrame.url.replace(/^file:\/\//, '');
  const where =
    url === ''
      ? '(native)'
      : url.includes('/node_modules/')
        ? (url.split('/node_modules/')[1] ?? url)
        : relative(process.cwd(), url);
  return `${where}:${String(n.callFrame.lineNumber + 1)} ${n.callFrame.functionName || '(anonymous)'}`;
};

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
const counts = new Map<number, number>();
for (const s of profile.samples) counts.set(s, (counts.get(s) ?? 0) + 1);
for (const [id, hits] of counts) {
  self.set(label(id), (self.get(label(id)) ?? 0) + hits);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(cur);
    if (seen.has(l)) continue;
    seen.add(l);
    inclusive.set(l, (inclusive.get(l) ?? 0) + hits);
  }
}
const fmt = (hits: number): string =>
  `${(hits * sampleMs).toFixed(0).padStart(7)} ms ${((100 * hits) / profile.samples.length).toFixed(1).padStart(5)}%`;
console.log(`${file}: ${totalMs.toFixed(0)} ms, ${String(profile.samples.length)} samples\n\nSelf time:`);
for (const [l, h] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${fmt(h)}  ${l}`);
console.log('\nTotal time (own code):');
for (const [l, h] of [...inclusive]
  .filter(([l]) => /^(src|bench)\//.test(l))
  .sort((a, b) => b[1] - a[1])
  .slice(0, top))
  console.log(`${fmt(h)}  ${l}`);
