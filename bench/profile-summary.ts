import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';

// Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time per function, and time including callees for the
// functions of this repository, so hot spots can be reported as file:function with numbers.
//   node --import tsx bench/profile-summary.ts <file.cpuprofile | directory> [top=25]
// Given a directory (`--cpu-prof-dir`), it reads the profile with the most busy samples: tsx's loader thread
// writes a profile of its own, which is mostly idle.

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

const [target, topArg] = process.argv.slice(2);
if (target === undefined) throw new Error('usage: profile-summary.ts <file.cpuprofile | directory> [top]');
const top = Number(topArg ?? 25);

function busySamples(p: z.infer<typeof Profile>): number {
  const idle = new Set(p.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  return p.samples.filter((s) => !idle.has(s)).length;
}

const candidates = statSync(target).isDirectory()
  ? readdirSync(target)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => join(target, f))
  : [target];
const loaded = candidates.map((f) => ({ file: f, profile: Profile.parse(JSON.parse(readFileSync(f, 'utf8'))) }));
const chosen = loaded.sort((a, b) => busySamples(b.profile) - busySamples(a.profile))[0];
if (chosen === undefined) throw new Error(`no .cpuprofile in ${target}`);
const { file, profile } = chosen;
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
