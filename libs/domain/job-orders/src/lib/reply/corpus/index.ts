import type { CorpusReply } from './corpus';
import { EN } from './en';
import { ES } from './es';
import { PT } from './pt';
import { RU } from './ru';
import { ZH } from './zh';

export { CORPUS_NOW, classify, type CorpusLabel, type CorpusReply } from './corpus';

export const REPLY_CORPUS: readonly CorpusReply[] = [...EN, ...PT, ...ES, ...ZH, ...RU];
