// French wording helpers.
import { describe, expect, it } from 'vitest';
import { countOf, frenchDate, frenchDays, frenchNumber, frenchWeekdayDate, joinAnd, roleName } from '../src/render/french.js';
import { listItemEnd } from '../src/render/style.js';

describe('French dates', () => {
  it.each([
    ['2024-01-24', '24 janvier 2024'], ['2026-03-01', '1er mars 2026'], ['2026-09', 'septembre 2026'], ['2025', '2025'],
  ])('%s → %s', (input, expected) => expect(frenchDate(input)).toBe(expected));

  it('names the weekday', () => expect(frenchWeekdayDate('2024-01-24')).toBe('mercredi 24 janvier 2024'));

  it.each([
    [['2026-02-05'], 'le 5 février 2026'],
    [['2024-01-24', '2024-01-25'], 'les 24 et 25 janvier 2024'],
    [['2024-06-03', '2024-06-04', '2024-06-05', '2024-06-06', '2024-06-07'], 'du 3 au 7 juin 2024'],
    [['2024-01-31', '2024-02-01'], 'les 31 janvier et 1er février 2024'],
    [['2024-06-03', '2024-06-05', '2024-06-07'], 'les 3, 5 et 7 juin 2024'],
    [['2024-12-31', '2025-01-01', '2025-01-02'], 'du 31 décembre 2024 au 2 janvier 2025'],
    [['2024-01-25', '2024-01-24'], 'les 24 et 25 janvier 2024'],
  ])('%j → %s', (input, expected) => expect(frenchDays(input)).toBe(expected));
});

describe('French numbers and lists', () => {
  it('groups thousands with a narrow no-break space', () => {
    expect(frenchNumber(1000)).toBe('1\u202f000');
    expect(frenchNumber(2430)).toBe('2\u202f430');
    expect(frenchNumber(12.5)).toBe('12,5');
    expect(frenchNumber(60)).toBe('60');
  });

  it('joins with "et"', () => {
    expect(joinAnd(['a'])).toBe('a');
    expect(joinAnd(['a', 'b'])).toBe('a et b');
    expect(joinAnd(['a', 'b', 'c'])).toBe('a, b et c');
  });

  it('ends list items with ";" and the last with "."', () => {
    expect(listItemEnd('un élément.', false)).toBe('un élément\u00a0;');
    expect(listItemEnd('le dernier', true)).toBe('le dernier.');
    expect(listItemEnd('une question ?', false)).toBe('une question ?');
  });
});

describe('role names', () => {
  it('pluralises and counts', () => {
    expect(countOf('cpip', 13)).toBe('13 CPIP');
    expect(countOf('psychologue', 2)).toBe('2 psychologues');
    expect(countOf('dpip', 0)).toBe('aucun DPIP');
    expect(roleName('chef-antenne')).toBe('chef·fe d’antenne');
    expect(roleName('chef-antenne', 1, 'aucune')).toBe('chef d’antenne');
  });
});
