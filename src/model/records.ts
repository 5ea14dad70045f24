// The record types of Lantu, defined once and shared by every layer.
// Line numbers are always 1-based lines of the ORIGINAL file (as read), so every
// record can point back at its source line.

/** A span of original lines, inclusive. */
export type LineSpan = [first: number, last: number];

/** Where a piece of repaired text came from in the original file. */
export interface SourcePos {
  line: number; // 1-based
  column: number; // 1-based, in UTF-16 code units of the original line
}

/** A point of the original text: 1-based line and column (UTF-16 code units), 0-based offset. */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

/** The exact characters a record was read from: [start.offset, end.offset) of the original text. */
export interface Span {
  start: Point;
  end: Point;
}

export type Severity = 'info' | 'warning' | 'error';

/**
 * What a stage could not do (a table block not parsed, a number with an unknown unit, a document
 * with no region), with its place: the file, and the original line and column where known.
 */
export interface Message {
  rule: string; // kebab-case name of the rule that gave up: table-unparsed, unit-unknown, …
  severity: Severity;
  text: string;
  file: string;
  line?: number;
  column?: number;
}

export type SourceFormat = 'txt' | 'docx' | 'pdf';

/** A file as read: the original text every record maps back to. */
export interface SourceText {
  file: string; // path as given
  format: SourceFormat;
  encoding?: string; // for .txt: utf-8, utf-8-bom, gb18030
  text: string; // the original text; line N is text.split('\n')[N-1]
  /** For PDFs: the 1-based line on which each page starts. */
  pageStarts?: number[];
  /** What reading could not do (the converter's warnings, undecodable bytes). */
  messages?: Message[];
}

export type DocLevel = 'national' | 'province' | 'prefecture' | 'county';

export interface Attachment {
  label: string; // 附件1
  title?: string;
  line: number;
}

/** One heading of a document's outline. */
export type SectionKind =
  | 'chapter' // 第X章
  | 'section' // 第X节
  | 'part' // 一、
  | 'subpart' // （一）
  | 'item' // 1.
  | 'subitem' // （1）
  | 'lead' // run-in bold head or paragraph-lead head: "加强生态保护修复。"
  | 'box' // 专栏
  | 'glossary' // 名词解释 entry
  | 'attachment' // 附件
  | 'heading'; // other standalone heading (markdown ##, a title line)

/** What part of a work report or plan a section belongs to; decides actual vs target later. */
export type ReportPart = 'review' | 'targets' | 'tasks' | 'self' | 'other';

export interface Section {
  kind: SectionKind;
  ordinal?: string; // as printed: 第三章, 一、, （二）, 1.
  title: string;
  level: number; // depth in the tree, 1 = top
  lines: LineSpan; // from the heading to the end of its content
  part?: ReportPart;
  children: Section[];
}

/** A value cell of a table, as TABLES.md specifies. */
export type Comparator = 'eq' | 'approx' | 'gte' | 'gt' | 'lte' | 'lt';
export interface CellValue {
  text: string;
  value?: number;
  comparator?: Exclude<Comparator, 'eq'>;
  estimate?: boolean;
  empty?: boolean;
}

export interface TableRow {
  no: string;
  category?: string;
  name: string;
  unit: string;
  attribute?: string;
  cells: CellValue[];
  line: number;
  span?: Span; // the row's line
}

/** A table rebuilt into rows: an indicator table (rows with names and value cells) or a plain grid. */
export interface Table {
  label: string; // 表 2-1, or a generated label for unlabelled tables
  title: string;
  kind: 'indicator' | 'grid';
  columns: string[];
  rows: TableRow[];
  /** For grid tables: the cells as text, row by row (header excluded). */
  grid?: string[][];
  lines: LineSpan;
  notes?: string[];
}

export interface DocumentRecord {
  file: string; // the input file's base name
  lines: LineSpan;
  title: string;
  docNumber?: string;
  issuer?: string;
  addressees?: string[];
  date?: string; // ISO YYYY-MM-DD
  type?: string; // 文种
  region?: string;
  regionCode?: string; // the region's GB/T 2260 code (the national level: 100000)
  level?: DocLevel;
  meeting?: string; // the approving meeting where stated
  attachments: Attachment[];
  sections: Section[];
  tables: Table[];
  facts?: Fact[];
  tasks?: Task[];
  projects?: Project[];
  /** What reading, structure and extraction could not do in this document, in order of place. */
  messages?: Message[];
  mentions?: ProjectMention[];
}

// ---- records of the later layers (extraction, monitoring), defined here once ----

export type Measure = 'level' | 'change' | 'rank';
export type Modality = 'actual' | 'target';
/**
 * What a number measures over time (STATUS.md): `year` a value in or for one year; `average` a yearly
 * average over a period (年均增长); `cumulative` a total over a period (五年累计, 十四五期间新增);
 * `since` a change since a base year (比2020年下降13.5%).
 */
export type Basis = 'year' | 'average' | 'cumulative' | 'since';

export interface Fact {
  line: number;
  metric: string;
  value: number;
  upper?: number;
  unit: string;
  measure: Measure;
  modality: Modality;
  comparator: Comparator;
  year?: number;
  /** `year` when absent. */
  basis?: Basis;
  /** [fromYear, toYear] for `average`, `cumulative` and `since`. */
  period?: [number, number];
  quote: string;
  span?: Span; // the quote's characters
  normalized?: { value: number; unit: string };
}

export interface Deadline {
  text: string;
  date?: string;
  rule?: string;
}

export interface Task {
  line: number;
  /** 'assigned': handed to units by a task-division plan; 'key': a plan's key task, not yet assigned. */
  kind?: 'assigned' | 'key';
  /** The heading the task stands under (第一节 统筹山水林田湖草沙系统治理). */
  section?: string;
  ordinal?: string;
  title: string;
  span?: Span; // the title's characters
  lead?: string[];
  units?: string[];
  support?: string[];
  deadline?: Deadline;
}

/** One project named inside a project group of a plan's 专栏 box, with its quantities. */
export interface ProjectPart {
  name: string;
  line: number;
  enterprise?: string;
  quantities: Fact[];
}

/** A project group of a plan's 专栏 box: "1. 钾基产业稳产提质工程：实施…". */
export interface Project {
  line: number;
  box: string; // 专栏四 世界级盐湖产业基地建设重点工程
  ordinal?: string;
  name: string;
  content: string;
  parts: ProjectPart[];
}

/**
 * A project named in a sentence of any document (src/extract/mentions.ts), with how far it had come
 * (its stage) and the year the sentence speaks of: projects are followed across documents by `core`.
 */
export interface ProjectMention {
  line: number;
  name: string; // as written: 格尔木南山口240万千瓦抽水蓄能项目
  core: string; // 南山口抽水蓄能电站
  kind: string; // 抽水蓄能电站
  capacity?: string; // 240万千瓦
  stage?: string; // the stage (vocab/projects.json): 开工, 建设, 建成, 投产…
  stageWords?: string; // the words as written: 全面施工, 加快建设
  rank?: number; // the stage's place in a project's life
  modality: 'actual' | 'planned'; // a review says what was done; tasks and plans what is to be done
  year?: number; // the year the sentence speaks of (a plan's: the first of its period)
  period?: [number, number]; // a plan's period (2026–2030)
  quote: string;
}

export type Direction = 'higher' | 'lower';
export interface Indicator {
  id: string;
  name: string;
  synonyms: string[];
  unitFamily: string;
  direction: Direction;
  attribute?: '预期性' | '约束性';
  category?: string;
}

export type StatusKind = 'achieved' | 'on_track' | 'at_risk' | 'off_track' | 'missed' | 'not_assessable' | 'no_data';
export interface Status {
  indicatorId: string;
  year: number;
  status: StatusKind;
  reason: string;
}

/** A place a number was read from. */
export interface SourceRef {
  file: string;
  line: number | null;
  quote: string;
}

/** An observed value as a status entry shows it (STATUS.md). */
export interface ObservedValue extends SourceRef {
  value: number;
  /** Reported only as a bound ("5.5以内": lte). */
  comparator?: Comparator;
  unit: string;
  year: number;
  basis: Basis;
  vintage: string; // preliminary / revised / final / manual
}

/** Where one distinct target stands: the contract of `lantu status --json` (STATUS.md). */
export interface StatusEntry {
  region: { name: string; code: string | null; level: string | null };
  indicator: { id: string; name: string };
  year: number;
  basis: Basis;
  period?: [number, number];
  target: { value: number | null; upper?: number; unit: string; comparator: Comparator; worded?: string; sources: SourceRef[] };
  actual: ObservedValue | null;
  baseline?: { value: number; unit: string; year: number };
  latest?: ObservedValue;
  status: StatusKind;
  verdict: 'met' | 'missed' | null;
  reason: string;
  conflict?: Array<SourceRef & { value: number | null; comparator: Comparator }>;
  /** Which statement the entry is judged on where statements disagree. */
  authority?: string;
}
