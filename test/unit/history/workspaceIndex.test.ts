import * as assert from 'node:assert/strict';
import {
  EMPTY_INDEX, MAX_INDEX_ENTRIES, findPredecessor, foldersToCheck, forgetWorkspace, markOffered, parseWorkspaceIndex, recordWorkspace, remoteIdentity, sameProject,
  type IndexEntry, type WorkspaceIdentity, type WorkspaceIndex,
} from '../../../src/core/history/workspaceIndex';

function identity(folders: string[], git: { firstCommits?: string[]; remotes?: string[]; topLevel?: string[] } = {}): WorkspaceIdentity {
  return {
    folders, names: folders.map((folder) => folder.slice(folder.lastIndexOf('/') + 1)), firstCommits: git.firstCommits ?? [], remotes: git.remotes ?? [],
    topLevel: git.topLevel ?? [],
  };
}

function entry(storage: string, id: WorkspaceIdentity, lastSeen = 1_000, hasHistory = true): Omit<IndexEntry, 'offeredTo'> {
  return { storage, identity: id, lastSeen, hasHistory };
}

const OLD = 'file:///storage/old';
const NEW = 'file:///storage/new';

describe('the workspace index: finding the history of a renamed, moved or re-opened workspace', () => {
  it('a folder renamed: its old path is gone and it is the same project (first commit) → offered, once', () => {
    const index = recordWorkspace(EMPTY_INDEX, entry(OLD, identity(['file:///code/shop'], { firstCommits: ['abc'], remotes: ['git@x:shop.git'] })));
    const now = identity(['file:///code/shop-2'], { firstCommits: ['abc'] });
    const found = findPredecessor(index, now, NEW, () => false);
    assert.deepEqual([found?.entry.storage, found?.reason], [OLD, 'moved']);
    const offered = markOffered(index, OLD, NEW);
    assert.equal(findPredecessor(offered, now, NEW, () => false), undefined, 'offered once');
    assert.equal(recordWorkspace(offered, entry(OLD, identity(['file:///code/shop']), 2_000)).entries[0].offeredTo, NEW, 'the offer survives the entry being seen again');
  });

  it('a second checkout of the same repository, its folder still there, is another workspace', () => {
    const index = recordWorkspace(EMPTY_INDEX, entry(OLD, identity(['file:///code/shop'], { firstCommits: ['abc'] })));
    assert.equal(findPredecessor(index, identity(['file:///tmp/shop'], { firstCommits: ['abc'] }), NEW, () => true), undefined);
  });

  it('the same folder opened through a .code-workspace file (or alone after one) → offered, though the folder is there', () => {
    const index = recordWorkspace(EMPTY_INDEX, entry(OLD, identity(['file:///code/shop'])));
    const found = findPredecessor(index, identity(['file:///code/shop', 'file:///code/docs']), NEW, () => true);
    assert.deepEqual([found?.entry.storage, found?.reason], [OLD, 'sameFolder']);
  });

  it('another project whose folder is gone is not offered: other first commit, other remote, or other folder names', () => {
    const gone = () => false;
    const git = recordWorkspace(EMPTY_INDEX, entry(OLD, identity(['file:///code/shop'], { firstCommits: ['abc'], remotes: ['r1'] })));
    assert.equal(findPredecessor(git, identity(['file:///code/shop'.replace('code', 'work')], { firstCommits: ['def'], remotes: ['r1'] }), NEW, gone), undefined, 'first commits decide over remotes');
    const remote = recordWorkspace(EMPTY_INDEX, entry(OLD, identity(['file:///code/shop'], { remotes: ['r1'] })));
    assert.equal(findPredecessor(remote, identity(['file:///work/shop'], { remotes: ['r2'] }), NEW, gone), undefined);
    assert.ok(findPredecessor(remote, identity(['file:///work/renamed'], { remotes: ['r1'] }), NEW, gone), 'the same remote, renamed');
    const plain = recordWorkspace(EMPTY_INDEX, entry(OLD, identity(['file:///code/shop'])));
    assert.ok(findPredecessor(plain, identity(['file:///work/shop']), NEW, gone), 'moved, same name, no Git');
    assert.equal(findPredecessor(plain, identity(['file:///work/blog']), NEW, gone), undefined);
  });

  it('a workspace without history, or the workspace itself, is never a predecessor; among several the one seen last', () => {
    let index: WorkspaceIndex = recordWorkspace(EMPTY_INDEX, entry(OLD, identity(['file:///code/shop']), 1_000, false));
    assert.equal(findPredecessor(index, identity(['file:///code/shop']), NEW, () => true), undefined, 'nothing to carry over');
    assert.equal(findPredecessor(index, identity(['file:///code/shop']), OLD, () => true), undefined, 'itself');
    index = recordWorkspace(index, entry('file:///storage/a', identity(['file:///code/shop']), 2_000));
    index = recordWorkspace(index, entry('file:///storage/b', identity(['file:///code/shop']), 3_000));
    assert.equal(findPredecessor(index, identity(['file:///code/shop']), NEW, () => true)?.entry.storage, 'file:///storage/b');
  });

  it('asks only about the folders of entries that could be offered', () => {
    let index = recordWorkspace(EMPTY_INDEX, entry(OLD, identity(['file:///a'])));
    index = recordWorkspace(index, entry(NEW, identity(['file:///b'])));
    index = recordWorkspace(index, entry('file:///storage/empty', identity(['file:///c']), 1, false));
    assert.deepEqual(foldersToCheck(index, NEW), ['file:///a']);
  });

  it('recording keeps one entry per storage, refreshed; forgetting removes it; the index stays bounded', () => {
    let index = recordWorkspace(EMPTY_INDEX, entry(OLD, identity(['file:///a']), 1));
    index = recordWorkspace(index, entry(OLD, identity(['file:///a']), 5));
    assert.deepEqual(index.entries.map((e) => e.lastSeen), [5]);
    assert.deepEqual(forgetWorkspace(index, OLD).entries, []);
    let big: WorkspaceIndex = EMPTY_INDEX;
    for (let i = 0; i < MAX_INDEX_ENTRIES + 5; i++) {
      big = recordWorkspace(big, entry(`file:///storage/${i}`, identity([`file:///w${i}`]), i));
    }
    assert.equal(big.entries.length, MAX_INDEX_ENTRIES);
    assert.ok(big.entries.every((e) => e.lastSeen >= 5), 'the ones seen longest ago left');
    assert.ok(big.entries.some((e) => e.storage === `file:///storage/${MAX_INDEX_ENTRIES + 4}`));
  });

  it('a stored index round-trips; one that cannot be read says why', () => {
    const index = markOffered(recordWorkspace(EMPTY_INDEX, entry(OLD, identity(['file:///a'], { firstCommits: ['abc'] }))), OLD, NEW);
    assert.deepEqual(parseWorkspaceIndex(JSON.parse(JSON.stringify(index))), { ok: true, index });
    const bad = parseWorkspaceIndex({ v: 1, entries: [{ storage: OLD }] });
    assert.equal(bad.ok, false);
    assert.match(bad.ok ? '' : bad.reason, /entries/);
    assert.equal(parseWorkspaceIndex({ v: 2, entries: [] }).ok, false, 'a newer version is not read as this one');
  });

  it('sameProject: first commits, then remotes, then folder names', () => {
    assert.equal(sameProject(identity(['file:///a/x'], { firstCommits: ['1'] }), identity(['file:///b/y'], { firstCommits: ['1'] })), true);
    assert.equal(sameProject(identity(['file:///a/x'], { firstCommits: ['1'] }), identity(['file:///b/x'], { firstCommits: ['2'] })), false);
    assert.equal(sameProject(identity(['file:///a/x']), identity(['file:///b/x'])), true);
    assert.equal(sameProject(identity([]), identity([])), false, 'no folders: nothing to go by');
  });

  it('a folder without Git, renamed: recognised by mostly the same files at its top, not by a few', () => {
    const files = ['package.json', 'src', 'README.md', 'test', 'tsconfig.json'];
    const before = identity(['file:///code/shop'], { topLevel: files });
    assert.equal(sameProject(before, identity(['file:///code/store'], { topLevel: [...files, 'notes.md'] })), true, '5 of 6 in common');
    assert.equal(sameProject(before, identity(['file:///code/store'], { topLevel: ['package.json', 'src', 'README.md', 'lib', 'docs'] })), false, '3 of 7');
    assert.equal(sameProject(identity(['file:///a'], { topLevel: ['a', 'b'] }), identity(['file:///b'], { topLevel: ['a', 'b'] })), false, 'too few to tell');
    const index = recordWorkspace(EMPTY_INDEX, entry(OLD, before));
    assert.equal(findPredecessor(index, identity(['file:///code/store'], { topLevel: files }), NEW, () => false)?.reason, 'moved');
  });

  it('keeps no user name or token of a remote\'s URL', () => {
    assert.equal(remoteIdentity('https://me:ghp_secret@github.com/acme/shop.git'), 'https://github.com/acme/shop.git');
    assert.equal(remoteIdentity('ssh://git@example.com:22/acme/shop.git'), 'ssh://example.com:22/acme/shop.git');
    assert.equal(remoteIdentity('git@github.com:acme/shop.git'), 'git@github.com:acme/shop.git', 'the scp form names only the account git');
    assert.equal(remoteIdentity(' https://github.com/acme/shop.git '), 'https://github.com/acme/shop.git');
  });
});
