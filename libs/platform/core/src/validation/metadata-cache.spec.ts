import { getMetadataStorage, IsInt, IsString, Min, validate } from 'class-validator';
import { cacheValidationMetadata } from './metadata-cache';

class Base {
  @IsString()
  name!: string;
}

class Page extends Base {
  @IsInt()
  @Min(1)
  first!: number;
}

const rulesOf = (cls: new () => object) =>
  getMetadataStorage()
    .getTargetValidationMetadatas(cls, '', false, false)
    .map((m) => `${m.propertyName}:${m.name ?? m.type}`)
    .sort();

describe('cacheValidationMetadata', () => {
  const storage = getMetadataStorage();
  // Counts class-validator's own walks (what the cache wraps).
  let walks = 0;
  const own = storage.getTargetValidationMetadatas.bind(storage);
  storage.getTargetValidationMetadatas = (...args) => (walks++, own(...args));
  const before = rulesOf(Page);
  const undo = cacheValidationMetadata();

  it('answers as class-validator does, inherited rules included, without walking again', async () => {
    walks = 0;
    expect(rulesOf(Page)).toEqual(before);
    expect(rulesOf(Page)).toEqual(before);
    expect(walks).toBe(1);
    const errors = await validate(Object.assign(new Page(), { name: 7, first: 0 }));
    expect(errors.map((e) => `${e.property}:${Object.keys(e.constraints ?? {}).join(',')}`).sort()).toEqual(['first:min', 'name:isString']);
  });

  it('sees a rule registered after a lookup', async () => {
    class Late {
      code!: string;
    }
    expect(rulesOf(Late)).toEqual([]);
    IsString()(Late.prototype, 'code');
    expect(rulesOf(Late)).toEqual(['code:isString']);
    expect((await validate(Object.assign(new Late(), { code: 1 }))).map((e) => e.property)).toEqual(['code']);
  });

  it('is installed once, whoever asks', () => {
    expect(cacheValidationMetadata()).toBe(undo);
    rulesOf(Page);
    walks = 0;
    rulesOf(Page);
    expect(walks).toBe(0);
  });

  it('keeps answers for different options apart', () => {
    const always = storage.getTargetValidationMetadatas(Page, '', true, false);
    const grouped = storage.getTargetValidationMetadatas(Page, '', false, false, ['admin']);
    expect(always).not.toBe(grouped);
    expect(grouped).toEqual([]);
    expect(always.length).toBeGreaterThan(0);
  });

  it('undone, class-validator walks on every lookup again', () => {
    undo();
    walks = 0;
    expect(rulesOf(Page)).toEqual(before);
    rulesOf(Page);
    expect(walks).toBe(2);
  });
});
