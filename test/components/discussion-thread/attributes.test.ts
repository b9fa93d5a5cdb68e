import { expect } from '@open-wc/testing';
import { ATTRIBUTES, newThreadTitle } from '../../../src/components/discussion-thread/attributes.js';
import { invalidAttribute } from '../../../src/validation/attributes.js';

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
    const thread = (overrides = {}) => ({ thread: '', community: '', order: '', pageSize: '', profileUrl: '', ...overrides });
    expect(invalidAttribute(thread(), ATTRIBUTES)).to.equal(undefined);
    expect(invalidAttribute(thread({ thread: '12', community: 'soil health', order: 'oldest', pageSize: '20' }), ATTRIBUTES)).to.deep.equal(
      {
        name: 'community',
        value: 'soil health',
        hint: { example: 'water' },
      },
    );
    expect(invalidAttribute(thread({ community: 'water', pageSize: '500' }), ATTRIBUTES)?.name).to.equal('page-size');
    expect(invalidAttribute(thread({ profileUrl: 'javascript:alert(1)//{id}' }), ATTRIBUTES)?.name, 'one URL rule').to.equal('profile-url');
  });
});
