import * as assert from 'node:assert/strict';
import { sharedStoragePath } from '../../../src/core/history/sharedStorage';

describe('the storage folder all windows of a workspace share', () => {
  it('drops the suffix a second extension host gets while the first holds the lock, and nothing else', () => {
    const own = '/home/me/.config/Code/User/workspaceStorage/749ffc91/ownership.ownership-ratio';
    assert.equal(sharedStoragePath('/home/me/.config/Code/User/workspaceStorage/749ffc91-1/ownership.ownership-ratio'), own);
    assert.equal(sharedStoragePath('/home/me/.config/Code/User/workspaceStorage/749ffc91-9/ownership.ownership-ratio/'), `${own}/`);
    assert.equal(sharedStoragePath(own), own);
    assert.equal(sharedStoragePath('/data/my-1/workspaceStorage/abc/ownership.ownership-ratio'), '/data/my-1/workspaceStorage/abc/ownership.ownership-ratio', 'only the workspace folder\'s own name');
    assert.equal(sharedStoragePath('/w/workspaceStorage/abc-10/ownership.ownership-ratio'), '/w/workspaceStorage/abc-10/ownership.ownership-ratio', 'VS Code tries up to -9');
  });
});
