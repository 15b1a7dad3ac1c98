// When the pages say that IT installed Postwacht but no managed policy arrived.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { managedWithoutPolicy } from '../shared/managed.js';

describe('managedWithoutPolicy', () => {
  it('only for an install by policy without a managed policy in force', () => {
    assert.equal(managedWithoutPolicy('admin', 'default'), true);
    assert.equal(managedWithoutPolicy('admin', 'imported'), true);
    assert.equal(managedWithoutPolicy('admin', 'managed'), false);
    for (const t of ['normal', 'development', 'sideload', 'other', '']) assert.equal(managedWithoutPolicy(t, 'default'), false, t);
  });
});
