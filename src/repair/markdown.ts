// Markdown remnants left by the converter that produced some texts: "## 政府工作报告" is a heading,
// "——**生态文明建设达到新水平。**" is a bold run-in head, "- 1. 名称：**内容" is a list item whose
// name was bold. Heading marks are removed and reported; bold marks become BOLD_ON / BOLD_OFF.
import { BOLD_OFF, BOLD_ON } from './chars.js';
import { MappedBuilder, type Mapped } from './mapped.js';

export interface MarkdownLine {
  text: Mapped;
  heading?: number; // markdown heading level
}

export function readMarkdown(m: Mapped): MarkdownLine {
  let heading: number | undefined;
  let out = m;
  const h = /^\s*(#{1,6})\s+/.exec(out.text);
  if (h) {
    heading = h[1].length;
    out = out.slice(h[0].length);
  }
  const bullet = /^\s*[-*+]\s+(?=\S)/.exec(out.text);
  if (bullet && !/^\s*[-*+]\s+[-*+]/.test(out.text)) out = out.slice(bullet[0].length);
  if (out.text.includes('**')) {
    const count = (out.text.match(/\*\*/g) ?? []).length;
    let open = count % 2 === 0; // an odd count: the first mark closes a bold that began at the line start
    if (!open) out = prependBoldOn(out);
    out = out.replace(/\*\*/g, () => {
      const mark = open ? BOLD_ON : BOLD_OFF;
      open = !open;
      return mark;
    });
  }
  return { text: out, heading };
}

function prependBoldOn(m: Mapped): Mapped {
  // the mark stands for the line's first character
  return new MappedBuilder().appendReplacement(BOLD_ON, m, 0, Math.min(1, m.length)).append(m).build();
}
