// The fallbacks of the 公文 fonts written into a DOCX's font table (word/fontTable.xml): each wanted
// font (仿宋_GB2312, 方正小标宋简体 …) is declared with the GB2312 character set, its family and, as
// altName, the next font of its role, so that Word and LibreOffice substitute a font of the same kind
// on a machine that lacks it. Nothing is embedded.
import { FORM, type FontRole } from './form.js';

const FAMILY: Record<FontRole, string> = { title: 'roman', body: 'modern', heading1: 'modern', heading2: 'script', latin: 'roman' };
const PITCH: Record<FontRole, string> = { title: 'variable', body: 'fixed', heading1: 'variable', heading2: 'variable', latin: 'variable' };
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** `<w:font>` entries of every font of every role, each with the next of its role as altName. */
export function fontEntries(): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const role of Object.keys(FORM.fonts) as FontRole[]) {
    const list = FORM.fonts[role];
    list.forEach((name, i) => {
      if (seen.has(name)) return;
      seen.add(name);
      const alt = list[i + 1];
      const charset = role === 'latin' ? '00' : '86';
      out.push(`<w:font w:name="${esc(name)}">${alt ? `<w:altName w:val="${esc(alt)}"/>` : ''}<w:charset w:val="${charset}"/><w:family w:val="${FAMILY[role]}"/><w:pitch w:val="${PITCH[role]}"/></w:font>`);
    });
  }
  return out.join('');
}

/** The font table of the report, given to the packer in place of its own (IXmlifyedFile). */
export function fontTable(): { path: string; data: string } {
  return {
    path: 'word/fontTable.xml',
    data:
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      `${fontEntries()}<w:font w:name="宋体"><w:altName w:val="SimSun"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>` +
      '</w:fonts>',
  };
}
