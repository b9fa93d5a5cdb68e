import { expect } from '@open-wc/testing';
import { DraftStore } from '../../../src/components/discussion-thread/draft-store.js';
import { MemoryStorage } from './memory-storage.js';

describe('DraftStore', () => {
  it('restores what was saved for the same thread, and only for it', () => {
    const storage = new MemoryStorage();
    new DraftStore(storage).save('page:/a', { body: 'Half a thought', language: 'fr', replyTo: '42' });
    const reopened = new DraftStore(storage);
    expect(reopened.load('page:/a')).to.deep.equal({ body: 'Half a thought', language: 'fr', replyTo: '42' });
    expect(reopened.load('page:/b')).to.equal(undefined);
  });

  it('forgets the draft when the body is emptied or the post is confirmed', () => {
    const storage = new MemoryStorage();
    const store = new DraftStore(storage);
    store.save('t1', { body: 'text', language: 'en' });
    store.save('t1', { body: '   ', language: 'en' });
    expect(store.load('t1'), 'an emptied composer leaves no draft').to.equal(undefined);
    store.save('t1', { body: 'text', language: 'en' });
    store.clear('t1');
    expect(store.load('t1')).to.equal(undefined);
  });

  it('ignores values it did not write', () => {
    const storage = new MemoryStorage();
    storage.setItem('grove:draft:t1', '{not json');
    storage.setItem('grove:draft:t2', JSON.stringify({ body: 3 }));
    const store = new DraftStore(storage);
    expect(store.load('t1')).to.equal(undefined);
    expect(store.load('t2')).to.equal(undefined);
  });

  it('keeps working when storage throws (quota, privacy mode)', () => {
    const failing = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    const store = new DraftStore(failing);
    expect(() => store.save('t', { body: 'x', language: 'en' })).not.to.throw();
    expect(store.load('t')).to.equal(undefined);
    expect(() => store.clear('t')).not.to.throw();
  });
});
