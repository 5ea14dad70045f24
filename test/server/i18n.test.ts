// The English words of the interface (vocab/ui-en/*.json, one file per area of the application) load as
// one dictionary: a word translated differently by two files stops every English page (500), so it is
// caught here, by name, before any page is served.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { t } from '../../src/web/i18n.js';

test('the English interface words load, each Chinese word with one English word', () => {
  assert.equal(t('总览', 'en'), 'Overview');
  assert.equal(t('总览', 'zh'), '总览');
  assert.equal(t('没有英文的词', 'en'), '没有英文的词', 'a word without English stays as it is');
});
