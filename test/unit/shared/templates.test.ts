import { addCompiledTemplate } from '@shared/templates/compiled-templates';
import { renderHtml, renderText, TEMPLATE_OPTIONS } from '@shared/templates/engine';
import { singleLine } from '@shared/text';
import { Eta } from 'eta';
import fc from 'fast-check';

describe('renderHtml', () => {
  it('escapes HTML in values by default', () => {
    expect(renderHtml('<p>Hello <%= it.name %></p>', { name: '<script>alert(1)</script>' })).toBe(
      '<p>Hello &lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
  });

  it('prints template syntax found inside a value instead of evaluating it', () => {
    expect(renderHtml('<%= it.name %>', { name: '<%= process.exit(1) %>' })).toBe('&lt;%= process.exit(1) %&gt;');
  });

  it('renders the same template again with other data', () => {
    const template = 'Code: <%~ it.code %>';

    expect(renderHtml(template, { code: '{####}' })).toBe('Code: {####}');
    expect(renderHtml(template, { code: '123456' })).toBe('Code: 123456');
  });
});

describe('renderText', () => {
  it('prints a value as written, HTML included, on one clean line', () => {
    expect(renderText('Welcome to <%= it.name %>!', { name: 'Tom & Jerry <b>\r\nBcc: x@example.org\u200d' })).toBe(
      'Welcome to Tom & Jerry <b> Bcc: x@example.org!',
    );
  });

  it('prints every value as the single-line clean-up makes it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        expect(renderText('<%= it.value %>', { value })).toBe(singleLine(value));
      }),
    );
  });

  it("keeps the template's own line breaks and trims the ends", () => {
    expect(renderText('\nHello <%= it.name %>,\n\nWelcome.\n\n', { name: 'Ada\nLovelace' })).toBe(
      'Hello Ada Lovelace,\n\nWelcome.',
    );
  });

  it('prints template syntax found inside a value instead of evaluating it', () => {
    expect(renderText('<%= it.name %>', { name: '<%= process.exit(1) %>' })).toBe('<%= process.exit(1) %>');
  });
});

describe('templates the build compiled', () => {
  const eta = new Eta(TEMPLATE_OPTIONS);
  const registered = eta.compile('Registered <%= it.name %>');

  it.each([
    ['HTML', renderHtml, 'Registered Tom &amp; Jerry'],
    ['plain text', renderText, 'Registered Tom & Jerry'],
  ])('%s: are rendered with the function the build registered, escaped as its engine escapes', (kind, render, text) => {
    const template = `Hello <%= it.name %> (${kind})`;
    addCompiledTemplate(template, registered);

    expect(render(template, { name: 'Tom & Jerry' })).toBe(text);
  });

  it('are compiled at first render when the build registered none', () => {
    expect(renderText('Unregistered <%= it.name %>', { name: 'Ada' })).toBe('Unregistered Ada');
  });
});
