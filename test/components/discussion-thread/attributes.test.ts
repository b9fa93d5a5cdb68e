import { expect } from '@open-wc/testing';
import { invalidAttribute, newThreadTitle } from '../../../src/components/discussion-thread/attributes.js';

describe('discussion thread attributes', () => {
  it('gives a new thread the editor’s title, else the page’s, else the fallback', () => {
    expect(newThreadTitle('  Soil notes ', 'Intranet · News', 'Discussion')).to.equal('Soil notes');
    expect(newThreadTitle('', 'Intranet · News', 'Discussion')).to.equal('Intranet · News');
    expect(newThreadTitle(' ', '   ', 'Discussion'), 'a page without a title still starts a thread').to.equal('Discussion');
  });

  it('cuts a long title to the 200 characters the server accepts, counting emoji as one', () => {
    const title = newThreadTitle('🌱'.repeat(250), '', 'Discussion');
    expect(Array.from(title)).to.have.length(200);
    expect(title.endsWith('\uD83C'), 'no half of a surrogate pair is left behind').to.equal(false);
  });

  it('names the first unusable attribute and accepts empty ones', () => {
    expect(invalidAttribute({ thread: '', community: '', order: '', pageSize: '' })).to.equal(undefined);
    expect(invalidAttribute({ thread: '12', community: 'Water', order: 'oldest', pageSize: '20' })).to.deep.equal({ name: 'community', value: 'Water' });
    expect(invalidAttribute({ thread: '', community: 'water', order: 'oldest', pageSize: '500' })).to.deep.equal({ name: 'page-size', value: '500' });
  });
});
