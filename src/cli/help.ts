// Commander speaking Chinese with the English after: its errors (unknown option, missing argument,
// unknown command…) as 错误：未知选项 '--foo'（error: unknown option '--foo'）, the headings of its help,
// and help wrapped to the terminal with CJK characters counted as two columns.
import type { Command, Help } from 'commander';
import { terminalColumns } from './table.js';
import { displayWidth, wrap } from './width.js';

/** The Chinese and the English of a message already in both, "中文 / English" (args.ts). */
const halves = (why: string): [string, string] => {
  const at = why.lastIndexOf(' / ');
  return at < 0 ? [why, why] : [why.slice(0, at), why.slice(at + 3)];
};

/** [English pattern of commander's message after "error: ", its Chinese and English]. */
const ERRORS: Array<[RegExp, (...m: string[]) => [string, string?]]> = [
  [/^unknown option '(.+?)'$/, (o) => [`未知选项 '${o}'`]],
  [/^unknown command '(.+?)'$/, (c) => [`未知命令 '${c}'`]],
  [/^missing required argument '(.+?)'$/, (a) => [`缺少必需的参数 '${a}'`]],
  [/^option '(.+?)' argument missing$/, (o) => [`选项 '${o}' 缺少取值`]],
  [/^required option '(.+?)' not specified$/, (o) => [`缺少必需的选项 '${o}'`]],
  [/^too many arguments.*Expected (\d+) arguments? but got (\d+)\.$/, (e, g) => [`参数过多：应有 ${e} 个，给了 ${g} 个`]],
  [/^(.+) cannot be used with (.+)$/, (a, b) => [`${a} 不能与 ${b} 同时使用`]],
  [
    /^option '(.+?)' argument '(.*?)' is invalid\. ([^]*)$/,
    (o, v, why) => [`选项 '${o}' 的取值无效：${halves(why)[0]}`, `option '${o}' argument '${v}' is invalid: ${halves(why)[1]}`],
  ],
  [
    /^command-argument value '(.*?)' is invalid for argument '(.+?)'\. ([^]*)$/,
    (v, a, why) => [`参数 '${a}' 的取值无效：${halves(why)[0]}`, `argument '${a}' value '${v}' is invalid: ${halves(why)[1]}`],
  ],
];

/** One of commander's error messages ("error: …", perhaps with "(Did you mean …?)" after) in Chinese, the English after. */
export function translateError(message: string): string {
  const [first, ...rest] = message.replace(/\n$/, '').split('\n');
  const english = first.replace(/^error: /, '');
  const hit = ERRORS.map(([re, say]) => ({ m: re.exec(english), say })).find((x) => x.m);
  const [zh, en] = hit?.m ? hit.say(...hit.m.slice(1)) : [english];
  const hint = rest.map((l) => l.replace(/^\(Did you mean (one of )?(.+)\?\)$/, (_, many: string | undefined, what: string) => `（是否要用${many ? '其中之一' : ''}：${what}？/ Did you mean ${many ?? ''}${what}?）`));
  return [`错误：${zh}（error: ${en ?? english}）`, ...hint].join('\n') + '\n';
}

const TITLES: Record<string, string> = {
  'Usage:': '用法 Usage:',
  'Options:': '选项 Options:',
  'Commands:': '命令 Commands:',
  'Arguments:': '参数 Arguments:',
  'Global Options:': '全局选项 Global Options:',
};

const EXTRA: Record<string, string> = { default: '默认', choices: '可选', preset: '预设', env: '环境变量' };

const stripColor = (s: string): string => s.replace(/\x1b\[[0-9;]*m/g, '');

/** The help's settings: Chinese headings, defaults in Chinese, width counted as a terminal shows it. */
export const helpConfiguration: Partial<Help> = {
  styleTitle: (title: string) => TITLES[title] ?? title,
  displayWidth: (s: string) => displayWidth(stripColor(s)),
  boxWrap: (s: string, width: number) =>
    s
      .split(/\r?\n/)
      .flatMap((line) => wrap(line, width).map((l) => l.trimEnd()))
      .join('\n'),
};

/** Commander's output in Chinese with English, wrapped to the terminal; the usage hint after an error. */
export function speakChinese(program: Command): Command {
  const helper = program.createHelp();
  return program
    .configureHelp({
      ...helpConfiguration,
      // what commander adds after an option's description — (default: "json") — in Chinese too
      optionDescription: (o) => {
        const d = helper.optionDescription(o);
        const extra = d.slice(o.description.length).trim();
        return extra ? `${o.description}（${extra.slice(1, -1).replace(/\b(default|choices|preset|env): /g, (_, k: string) => `${EXTRA[k]} ${k}: `)}）`.trim() : d;
      },
    })
    .configureOutput({
      outputError: (message, write) => write(translateError(message)),
      getOutHelpWidth: terminalColumns,
      getErrHelpWidth: terminalColumns,
    })
    .helpOption('-h, --help', '显示帮助 / display help')
    .helpCommand('help [command]', '显示某个命令的帮助 / display help for a command')
    .showHelpAfterError('（加 --help 查看用法 / add --help for usage）');
}
