import { html } from './escape.ts';

/**
 * One self-contained page: no scripts (and a Content-Security-Policy that forbids them), no
 * external resources, print CSS that fits A4 and Letter and reads in black and white.
 */
export function htmlPage(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'none'; img-src 'none'; form-action 'none'; base-uri 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(title)}</title>
<style>
  @page { margin: 14mm; }
  body { font: 11pt/1.4 system-ui, sans-serif; color: #000; background: #fff; max-width: 180mm; margin: 0 auto; }
  h1 { font-size: 15pt; margin: 0 0 4pt; } h2 { font-size: 12pt; margin: 12pt 0 4pt; border-bottom: 1px solid #000; }
  table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #000; padding: 3pt 5pt; text-align: left; vertical-align: top; }
  .box { font-family: monospace; font-size: 12pt; white-space: nowrap; } .initials { width: 22mm; }
  .state-breached { font-weight: bold; } .meta { margin: 2pt 0; }
  @media print { a { color: #000; text-decoration: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}
