/** JSON whitespace: space, tab, line feed, carriage return. */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * The first string value of `"<key>": "…"` in a JSON text, first to last, for which `pick` returns something (its
 * answer); whitespace around the colon is allowed. A value is read up to the next quote, so an escaped quote ends it
 * early: callers either exclude escaped lines or only take a hint from it. A loop rather than a generator or a
 * regular expression: this runs for every line of an export.
 */
export function firstStringValue<T>(line: string, key: string, pick: (value: string) => T | undefined): T | undefined {
  const needle = needleOf(key);
  let i = line.indexOf(needle);
  while (i !== -1) {
    let j = i + needle.length;
    while (isSpace(line.charCodeAt(j))) j++;
    if (line.charCodeAt(j) === 58 /* : */) {
      j++;
      while (isSpace(line.charCodeAt(j))) j++;
      if (line.charCodeAt(j) === 34 /* " */) {
        const end = line.indexOf('"', j + 1);
        if (end === -1) return undefined;
        const picked = pick(line.slice(j + 1, end));
        if (picked !== undefined) return picked;
        j = end;
      }
    }
    i = line.indexOf(needle, j);
  }
  return undefined;
}

/** `"<key>"`, made once per key: the keys are a handful of constants, and every line of an export asks for one. */
const NEEDLES = new Map<string, string>();

function needleOf(key: string): string {
  let needle = NEEDLES.get(key);
  if (needle === undefined) {
    needle = `"${key}"`;
    NEEDLES.set(key, needle);
  }
  return needle;
}
