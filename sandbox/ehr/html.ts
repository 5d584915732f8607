const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** The shared look of the sandbox's server-rendered pages: system fonts, no external assets. */
export const PAGE_STYLE = `
  :root { color-scheme: light; font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; color: #1b1f24; }
  body { margin: 0; background: #f6f7f9; }
  header, main, footer { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem; }
  header { border-bottom: 1px solid #d0d7de; background: #fff; max-width: none; }
  h1 { font-size: 1.5rem; margin: 0 0 0.25rem; }
  h2 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; }
  p.note { margin: 0.25rem 0; color: #444c56; }
  form.search { display: flex; gap: 0.5rem; align-items: end; flex-wrap: wrap; margin: 0.5rem 0 1rem; }
  label { font-weight: 600; display: block; }
  input[type=search] { font: inherit; padding: 0.4rem 0.6rem; min-width: 18rem; border: 1px solid #8c959f; border-radius: 4px; }
  button, a.button { font: inherit; padding: 0.4rem 0.8rem; border-radius: 4px; border: 1px solid #0b5cad; cursor: pointer;
    background: #0b5cad; color: #fff; text-decoration: none; display: inline-block; }
  button.secondary, a.button.secondary { background: #fff; color: #0b5cad; }
  button.danger { background: #fff; color: #a40e26; border-color: #a40e26; }
  button:focus-visible, a:focus-visible, input:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
  table { border-collapse: collapse; width: 100%; background: #fff; }
  caption { text-align: left; padding: 0.5rem 0; color: #444c56; }
  th, td { text-align: left; padding: 0.45rem 0.6rem; border-bottom: 1px solid #d0d7de; vertical-align: middle; }
  th { background: #eef1f4; }
  nav.pager { display: flex; gap: 1rem; align-items: center; margin: 1rem 0; }
  .ways { display: flex; gap: 1rem; flex-wrap: wrap; }
  .way { background: #fff; border: 1px solid #d0d7de; border-radius: 6px; padding: 0.75rem 1rem; flex: 1 1 18rem; }
  .way h3 { margin: 0 0 0.35rem; font-size: 1rem; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

/** A complete HTML document around `body`. */
export function htmlPage(title: string, body: string, script = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
${body}
${script === '' ? '' : `<script>${script}</script>`}
</body>
</html>
`;
}
