// A streaming reader for plain DOCX bodies: paragraphs of runs (text, tabs, line breaks, direct bold) and
// tables without merged rows, with no styles, numbering, fields, links, notes, revisions or drawings.
// It reads word/document.xml as it is inflated, with a streaming XML parser (saxes), and writes the HTML
// mammoth would write for it — so that htmlToLines reads both the same — without mammoth's document
// tree (a DOCX of 100,000 paragraphs took mammoth 13 s and 750 MB). A document that uses anything else
// gives undefined, and is read by mammoth.
import JSZip from 'jszip';
import { SaxesParser, type SaxesTagPlain } from 'saxes';

/** An element outside the plain subset: the document is left to mammoth. */
class NotPlain extends Error {}

/** Elements read (their content as below); any other element in the body is not plain. */
const READ = new Set(['w:document', 'w:body', 'w:p', 'w:r', 'w:t', 'w:tab', 'w:br', 'w:tbl', 'w:tr', 'w:tc']);
/** Elements mammoth ignores where they stand: nothing is written for them. */
const IGNORED = new Set(['w:proofErr', 'w:lastRenderedPageBreak', 'w:bookmarkEnd']);
/** mammoth writes a bookmark as an empty <a id>, between the runs: bold runs on either side are not merged. */
const BOOKMARK = 'w:bookmarkStart';
/** Properties, read only for what matters here (bold, merged cells); their children are all allowed but these. */
const PROPERTIES = new Set(['w:pPr', 'w:rPr', 'w:tblPr', 'w:tblGrid', 'w:trPr', 'w:tcPr', 'w:sectPr']);
/** Properties that make mammoth map styles, lists or merged cells: not plain. */
const NOT_PLAIN_PROPERTY = new Set(['w:pStyle', 'w:rStyle', 'w:tblStyle', 'w:numPr', 'w:vMerge']);

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The HTML mammoth writes for a plain DOCX, or undefined when the document is not plain (or not readable here). */
export async function plainDocxHtml(buffer: Buffer): Promise<string | undefined> {
  try {
    const zip = await JSZip.loadAsync(buffer);
    const rels = await zip.file('_rels/.rels')?.async('string');
    const part = zip.file('word/document.xml');
    // mammoth finds the body through the package's relationships: only the usual place is read here
    if (!part || !rels || !/Target="\/?word\/document\.xml"/.test(rels)) return undefined;
    const html = new PlainBody();
    const decoder = new TextDecoder('utf-8', { fatal: true });
    // the part inflated piece by piece (JSZip's own stream: its nodeStream is not async-iterable)
    await new Promise<void>((resolve, reject) => {
      const stream = (part as unknown as { internalStream(type: 'uint8array'): JSZipStream }).internalStream('uint8array');
      stream
        .on('data', (piece: Uint8Array) => {
          try {
            html.write(decoder.decode(piece, { stream: true }));
          } catch (e) {
            stream.pause(); // not plain: the rest need not be inflated
            reject(e);
          }
        })
        .on('error', reject)
        .on('end', () => resolve())
        .resume();
    });
    html.write(decoder.decode());
    return html.end();
  } catch {
    return undefined;
  }
}

/** JSZip's StreamHelper (not in its typings). */
interface JSZipStream {
  on(event: 'data', fn: (piece: Uint8Array) => void): JSZipStream;
  on(event: 'error', fn: (e: Error) => void): JSZipStream;
  on(event: 'end', fn: () => void): JSZipStream;
  pause(): JSZipStream;
  resume(): JSZipStream;
}

class PlainBody {
  private readonly parser = new SaxesParser();
  private readonly out: string[] = [];
  private properties = 0; // depth inside a properties element
  private inText = false;
  private runBold = false;
  private strongOpen = false;

  constructor() {
    this.parser.on('opentag', (tag) => this.open(tag as SaxesTagPlain));
    this.parser.on('closetag', (tag) => this.close(tag.name));
    this.parser.on('text', (text) => {
      if (this.inText) this.content(escape(text));
    });
  }

  write(chunk: string): void {
    this.parser.write(chunk);
  }

  end(): string {
    this.parser.close();
    return this.out.join('');
  }

  private open(tag: SaxesTagPlain): void {
    const name = tag.name;
    if (this.properties > 0) {
      this.properties++;
      if (NOT_PLAIN_PROPERTY.has(name)) throw new NotPlain(name);
      if (name === 'w:b' && this.properties === 2) this.runBold = tag.attributes['w:val'] !== 'false' && tag.attributes['w:val'] !== '0';
      return;
    }
    if (PROPERTIES.has(name)) {
      this.properties = 1;
      return;
    }
    if (IGNORED.has(name)) return;
    if (name === BOOKMARK) {
      if (tag.attributes['w:name'] !== '_GoBack') this.closeStrong(); // mammoth drops Word's _GoBack
      return;
    }
    if (!READ.has(name)) throw new NotPlain(name);
    switch (name) {
      case 'w:p':
        this.out.push('<p>');
        break;
      case 'w:r':
        this.runBold = false;
        break;
      case 'w:t':
        this.inText = true;
        break;
      case 'w:tab':
        this.content('\t');
        break;
      case 'w:br': {
        const type = tag.attributes['w:type'];
        if (type === undefined || type === 'textWrapping') this.content('<br />');
        else if (type !== 'page' && type !== 'column') throw new NotPlain(`w:br ${type}`); // mammoth warns
        break;
      }
      case 'w:tbl':
        this.out.push('<table>');
        break;
      case 'w:tr':
        this.out.push('<tr>');
        break;
      case 'w:tc':
        this.out.push('<td>');
        break;
    }
  }

  private close(name: string): void {
    if (this.properties > 0) {
      // the run's properties end where they began: w:rPr directly in w:r
      this.properties--;
      return;
    }
    switch (name) {
      case 'w:t':
        this.inText = false;
        break;
      case 'w:p':
        this.closeStrong();
        this.out.push('</p>');
        break;
      case 'w:tbl':
        this.out.push('</table>');
        break;
      case 'w:tr':
        this.out.push('</tr>');
        break;
      case 'w:tc':
        this.out.push('</td>');
        break;
    }
  }

  /** Something a run writes: adjacent bold runs share one <strong>, as mammoth merges them. */
  private content(html: string): void {
    if (html === '') return;
    if (this.runBold && !this.strongOpen) this.out.push('<strong>');
    if (!this.runBold) this.closeStrong();
    this.strongOpen = this.runBold;
    this.out.push(html);
  }

  private closeStrong(): void {
    if (this.strongOpen) this.out.push('</strong>');
    this.strongOpen = false;
  }
}
