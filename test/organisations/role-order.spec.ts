import { roleOrderMismatch } from '../../src/organisations/role-order.js';

describe('roleOrderMismatch (a new display order names exactly the roles there are)', () => {
  it('accepts the same ids in another order', () => {
    expect(roleOrderMismatch(['a', 'b', 'c'], ['c', 'a', 'b'])).toBeNull();
  });
  it('names the roles left out', () => {
    expect(roleOrderMismatch(['a', 'b', 'c'], ['c', 'a'])).toEqual({ missingRoleIds: ['b'], unknownRoleIds: [] });
  });
  it('names the ids that are not roles of this kind', () => {
    expect(roleOrderMismatch(['a', 'b'], ['b', 'x', 'a'])).toEqual({ missingRoleIds: [], unknownRoleIds: ['x'] });
  });
  it('names both when a role was replaced by another meanwhile', () => {
    expect(roleOrderMismatch(['a', 'b'], ['a', 'z'])).toEqual({ missingRoleIds: ['b'], unknownRoleIds: ['z'] });
  });
});
