import { describe, expect, it } from 'vitest';
import { DrawnOnce } from './drawn-once.ts';

describe('DrawnOnce', () => {
  it('draws once per object and form, and anew for another object or form', () => {
    const drawn = new DrawnOnce<{ title: string }>();
    let draws = 0;
    const draw = (o: { title: string }) => () => {
      draws++;
      return <p>{o.title}</p>;
    };
    const a = { title: 'Banjir <surut>' };
    expect(drawn.html(a, 'id', draw(a))).toBe('<p>Banjir &lt;surut></p>');
    expect(drawn.html(a, 'id', draw(a))).toBe('<p>Banjir &lt;surut></p>');
    expect(draws).toBe(1);
    drawn.html(a, 'en', draw(a));
    expect(draws).toBe(2);
    // An edited story is a new object from the read cache: drawn again, never the old HTML.
    const edited = { title: 'Banjir sudah surut' };
    expect(drawn.html(edited, 'id', draw(edited))).toBe('<p>Banjir sudah surut</p>');
    expect(draws).toBe(3);
  });

  it('keeps a handful of forms per object, not one per distinct form ever seen', () => {
    const drawn = new DrawnOnce<object>();
    const owner = {};
    let draws = 0;
    const draw = () => {
      draws++;
      return <p>x</p>;
    };
    for (let i = 0; i < 9; i++) drawn.html(owner, `form ${i}`, draw);
    expect(draws).toBe(9);
    // The ninth form cleared the first eight: the first is drawn again, the ninth is kept.
    drawn.html(owner, 'form 0', draw);
    drawn.html(owner, 'form 8', draw);
    expect(draws).toBe(10);
  });
});
