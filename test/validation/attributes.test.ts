import { expect } from '@open-wc/testing';
import { ATTRIBUTES as BADGE, REQUIRED } from '../../src/components/participation-badge/attributes.js';
import { ATTRIBUTES as CALENDAR } from '../../src/components/event-calendar/attributes.js';
import { ATTRIBUTES as DIRECTORY } from '../../src/components/member-directory/attributes.js';
import { ATTRIBUTES as EXPERTS } from '../../src/components/expert-finder/attributes.js';
import { ATTRIBUTES as THREAD } from '../../src/components/discussion-thread/attributes.js';
import {
  attributeValue,
  id,
  invalidAttribute,
  keyword,
  linkPattern,
  listOf,
  oneOf,
  range,
  slug,
  splitList,
} from '../../src/validation/attributes.js';

const TABLES = { badge: BADGE, calendar: CALENDAR, directory: DIRECTORY, experts: EXPERTS, thread: THREAD };

describe('the attribute layer', () => {
  it('reads each attribute from its camelCase property, trimmed, and treats empty as not set', () => {
    const element = { pageSize: ' 20 ', timeZone: undefined, view: 'list' };
    expect(attributeValue(element, 'page-size')).to.equal('20');
    expect(attributeValue(element, 'time-zone')).to.equal('');
    expect(invalidAttribute({ pageSize: '', view: '' }, { 'page-size': range(1, 100), view: oneOf(['cards', 'list']) })).to.equal(
      undefined,
    );
  });

  it('checks in table order and names the first wrong value with what a valid one looks like', () => {
    const table = { community: slug('water'), view: oneOf(['cards', 'list']), 'page-size': range(1, 100) };
    expect(invalidAttribute({ community: 'water', view: 'grid', pageSize: '0' }, table)).to.deep.equal({
      name: 'view',
      value: 'grid',
      hint: { oneOf: ['cards', 'list'] },
    });
    expect(invalidAttribute({ community: 'water', view: 'list', pageSize: '2.5' }, table)).to.deep.equal({
      name: 'page-size',
      value: '2.5',
      hint: { min: 1, max: 100 },
    });
  });

  it('checks required attributes first: at least one of them must be set', () => {
    expect(invalidAttribute({ member: '', community: '', variant: 'nonsense' }, BADGE, REQUIRED)).to.deep.equal({
      name: 'member',
      value: '',
    });
    expect(invalidAttribute({ member: '', community: 'water', variant: 'card' }, BADGE, REQUIRED)).to.equal(undefined);
  });

  it('has one case rule: the keyword converter lowercases and trims what an editor pastes, slugs are then checked lowercase', () => {
    expect(keyword.fromAttribute(' Water ')).to.equal('water');
    expect(keyword.fromAttribute(null)).to.equal('');
    const rule = slug('water');
    expect(rule.valid(keyword.fromAttribute('Soil-Health'))).to.equal(true);
    expect(rule.valid('Soil-Health'), 'a property set from script is checked as it is').to.equal(false);
    // Every widget spells its community rule the same way, so `community="Water"` behaves alike everywhere.
    for (const [name, table] of Object.entries(TABLES)) expect(table.community.valid('water'), name).to.equal(true);
    for (const [name, table] of Object.entries(TABLES)) expect(table.community.hint, name).to.deep.equal({ example: 'water' });
  });

  it('offers rules for ids, lists and link patterns', () => {
    expect([id.valid('42'), id.valid('042'), id.valid('4.2')]).to.deep.equal([true, false, false]);
    const kinds = listOf(['webinar', 'workshop']);
    expect([kinds.valid('webinar, workshop'), kinds.valid('webinar party')]).to.deep.equal([true, false]);
    expect(splitList(' Webinar,workshop  meeting ')).to.deep.equal(['webinar', 'workshop', 'meeting']);
    const link = linkPattern('/people/{id}');
    expect([link.valid('/people/{id}'), link.valid('javascript:alert({id})')]).to.deep.equal([true, false]);
  });

  it('every table names real properties of its element, kebab-case', () => {
    for (const [widget, table] of Object.entries(TABLES)) {
      for (const name of Object.keys(table)) expect(name, `${widget} ${name}`).to.match(/^[a-z]+(-[a-z]+)*$/);
    }
  });
});
