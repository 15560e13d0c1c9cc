import { hash32 } from './dataset';

/**
 * The demo parts catalog and where each part is stocked. Shared by the service seeding (catalog and
 * opening stock) and the simulator (which lines a repair order or a replenishment order names).
 *
 * `stocking` follows the three-level guarantee: consumables sit in every dealer's reserve, wear and
 * repair parts at the regional parts centers, heavy assemblies only at the HQ parts center. A repair
 * needing a part its dealer does not hold is what produces a parts shortage.
 */
export type PartStocking = 'DEALER' | 'REGIONAL' | 'HQ';
export type PartUnit = 'PIECE' | 'SET' | 'LITER' | 'METER' | 'KILOGRAM';

export interface CatalogPart {
  partNumber: string;
  names: { en: string; zh: string; pt: string; es: string; ru: string };
  listPrice: number;
  unit: PartUnit;
  leadTimeDays: number;
  stocking: PartStocking;
}

const part = (
  partNumber: string,
  en: string,
  zh: string,
  pt: string,
  es: string,
  ru: string,
  listPrice: number,
  unit: PartUnit,
  leadTimeDays: number,
  stocking: PartStocking,
): CatalogPart => ({ partNumber, names: { en, zh, pt, es, ru }, listPrice, unit, leadTimeDays, stocking });

export const PARTS_CATALOG: readonly CatalogPart[] = [
  part('1012100-OIL5W30', 'Engine oil 5W-30', '发动机机油 5W-30', 'Óleo do motor 5W-30', 'Aceite de motor 5W-30', 'Моторное масло 5W-30', 9.5, 'LITER', 20, 'DEALER'),
  part('1012010-FLT', 'Oil filter', '机油滤清器', 'Filtro de óleo', 'Filtro de aceite', 'Масляный фильтр', 8, 'PIECE', 20, 'DEALER'),
  part('3501110-PADF', 'Front brake pad set', '前制动片总成', 'Jogo de pastilhas dianteiras', 'Juego de pastillas delanteras', 'Комплект передних тормозных колодок', 42, 'SET', 25, 'DEALER'),
  part('1109110-AIRF', 'Air filter element', '空气滤清器滤芯', 'Elemento do filtro de ar', 'Elemento del filtro de aire', 'Элемент воздушного фильтра', 14, 'PIECE', 20, 'DEALER'),
  part('8104110-CABF', 'Cabin air filter', '空调滤清器', 'Filtro de cabine', 'Filtro de habitáculo', 'Салонный фильтр', 12, 'PIECE', 20, 'DEALER'),
  part('5205100-WIPR', 'Wiper blade set', '雨刮片总成', 'Jogo de palhetas', 'Juego de escobillas', 'Комплект щёток стеклоочистителя', 18, 'SET', 20, 'DEALER'),
  part('3707100-SPRK', 'Spark plug set', '火花塞组', 'Jogo de velas de ignição', 'Juego de bujías', 'Комплект свечей зажигания', 26, 'SET', 25, 'DEALER'),
  part('1301100-COOL', 'Coolant (long life)', '长效冷却液', 'Líquido de arrefecimento', 'Refrigerante de larga duración', 'Охлаждающая жидкость', 6.5, 'LITER', 20, 'DEALER'),
  part('3501120-PADR', 'Rear brake pad set', '后制动片总成', 'Jogo de pastilhas traseiras', 'Juego de pastillas traseras', 'Комплект задних тормозных колодок', 38, 'SET', 25, 'REGIONAL'),
  part('3501075-DISC', 'Front brake disc', '前制动盘', 'Disco de freio dianteiro', 'Disco de freno delantero', 'Передний тормозной диск', 65, 'PIECE', 30, 'REGIONAL'),
  part('3703100-BATT', 'Battery 12 V 70 Ah', '蓄电池 12V 70Ah', 'Bateria 12 V 70 Ah', 'Batería 12 V 70 Ah', 'Аккумулятор 12 В 70 А·ч', 120, 'PIECE', 30, 'REGIONAL'),
  part('1025020-BELT', 'Serpentine belt', '多楔带', 'Correia poly-V', 'Correa poly-V', 'Поликлиновой ремень', 28, 'PIECE', 30, 'REGIONAL'),
  part('1021100-TKIT', 'Timing belt kit', '正时皮带套件', 'Kit da correia dentada', 'Kit de distribución', 'Комплект ГРМ', 160, 'SET', 35, 'REGIONAL'),
  part('1307100-WPMP', 'Water pump', '水泵总成', 'Bomba de água', 'Bomba de agua', 'Водяной насос', 95, 'PIECE', 35, 'REGIONAL'),
  part('2905100-SHKF', 'Front shock absorber', '前减振器', 'Amortecedor dianteiro', 'Amortiguador delantero', 'Передний амортизатор', 85, 'PIECE', 35, 'REGIONAL'),
  part('1601100-CLTK', 'Clutch kit', '离合器套件', 'Kit de embreagem', 'Kit de embrague', 'Комплект сцепления', 210, 'SET', 40, 'REGIONAL'),
  part('3708100-STRT', 'Starter motor', '起动机总成', 'Motor de arranque', 'Motor de arranque', 'Стартер', 240, 'PIECE', 40, 'REGIONAL'),
  part('3701100-ALTR', 'Alternator', '发电机总成', 'Alternador', 'Alternador', 'Генератор', 310, 'PIECE', 40, 'REGIONAL'),
  part('4121100-HLMP', 'Headlamp assembly (left)', '左前大灯总成', 'Farol dianteiro esquerdo', 'Faro delantero izquierdo', 'Левая фара в сборе', 280, 'PIECE', 45, 'HQ'),
  part('8103100-ACMP', 'A/C compressor', '空调压缩机', 'Compressor do ar-condicionado', 'Compresor de aire acondicionado', 'Компрессор кондиционера', 520, 'PIECE', 60, 'HQ'),
  part('1118100-TRBO', 'Turbocharger', '涡轮增压器', 'Turbocompressor', 'Turbocompresor', 'Турбокомпрессор', 890, 'PIECE', 60, 'HQ'),
  part('1701300-SYN3', '3rd gear synchronizer assembly', '三挡同步器总成', 'Sincronizador da 3ª marcha', 'Sincronizador de 3ª marcha', 'Синхронизатор 3-й передачи', 175, 'PIECE', 60, 'HQ'),
  part('3610100-ECU', 'Engine control unit', '发动机控制单元', 'Módulo de controle do motor', 'Unidad de control del motor', 'Блок управления двигателем', 760, 'PIECE', 75, 'HQ'),
];

export const PART_BY_NUMBER: ReadonlyMap<string, CatalogPart> = new Map(PARTS_CATALOG.map((p) => [p.partNumber, p]));

/** What a dealer reserve holds at the start: the consumables a routine service uses. */
export const DEALER_OPENING_PARTS = ['1012100-OIL5W30', '1012010-FLT', '3501110-PADF'] as const;

export type LocationKind = 'HQ' | 'REGIONAL_CENTER' | 'SERVICE_CENTER' | 'FAST_REPAIR_SHOP';

/** Opening quantities vary per location and part, the same on every run. */
function between(key: string, min: number, max: number): number {
  return min + (hash32(key) % (max - min + 1));
}

/**
 * Opening stock of one location, part by part (quantity and unit cost). The HQ parts center holds the
 * whole catalog, a regional center everything but a few heavy assemblies, a dealer only its consumables.
 */
export function openingStock(locationId: string, kind: LocationKind): { partNumber: string; quantity: number; unitCost: number }[] {
  const cost = (p: CatalogPart) => Math.round(p.listPrice * 0.62 * 100) / 100;
  const rows: { partNumber: string; quantity: number; unitCost: number }[] = [];
  for (const p of PARTS_CATALOG) {
    const key = `${locationId}|${p.partNumber}`;
    let quantity = 0;
    if (kind === 'HQ') quantity = p.stocking === 'HQ' ? between(key, 60, 150) : between(key, 400, 900);
    else if (kind === 'REGIONAL_CENTER') quantity = p.stocking === 'HQ' ? between(key, 0, 3) : p.stocking === 'REGIONAL' ? between(key, 20, 60) : between(key, 120, 300);
    else if ((DEALER_OPENING_PARTS as readonly string[]).includes(p.partNumber)) {
      const small = kind === 'FAST_REPAIR_SHOP';
      quantity = p.unit === 'LITER' ? between(key, small ? 30 : 60, small ? 80 : 160) : between(key, small ? 4 : 8, small ? 12 : 24);
    }
    if (quantity > 0) rows.push({ partNumber: p.partNumber, quantity, unitCost: cost(p) });
  }
  return rows;
}
