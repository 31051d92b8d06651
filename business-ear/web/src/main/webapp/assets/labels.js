// Codes as people say them: a business type's and a material's name from the catalogue (loaded once at start), in
// the page's language. A screen shows these, never the codes.
import { lang } from '/assets/i18n.js';
import { api } from '/assets/app.js';

let catalogue = [];

export async function loadCatalogue() {
  catalogue = await api('/api/catalogue/business-types').catch(() => []);
}

const name = x => (lang === 'en' ? x.nameEn : x.nameZh) || x.nameZh;

export function typeName(code) {
  const ty = catalogue.find(x => x.code === code);
  return ty ? name(ty) : code;
}

/** A material's name, as the given business type calls it (one code may be another form in another business). */
export function materialName(code, typeCode) {
  const types = typeCode ? catalogue.filter(x => x.code === typeCode).concat(catalogue) : catalogue;
  for (const ty of types) {
    const m = ty.materials.find(x => x.code === code);
    if (m) return name(m);
  }
  return code;
}
