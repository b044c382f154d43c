//! Harmonized System (HS 2022) chapter titles and 4-digit heading texts.
//!
//! Exporters type a commodity code from an invoice; compliance officers need
//! to see at once what that code covers, in their own language, before they
//! trust a rule that fired on it. This module answers "what is 8542?" from
//! static tables, with no I/O, so the web app, the CLI and reports all show
//! the same words.
//!
//! Sources and wording:
//! - Chapter titles follow the WCO HS 2022 nomenclature (English), the EAEU
//!   Common Customs Tariff / ТН ВЭД ЕАЭС (Russian) and its Kazakh version,
//!   shortened where the official title is a paragraph long. Chapter 77 is
//!   reserved by the HS and has no goods.
//! - Heading texts are concise English paraphrases of the HS 2022 heading
//!   texts, not the legal wording: they say what the heading covers, and
//!   "n.e.s." (not elsewhere specified) marks residual headings. The legal
//!   text, the Section and Chapter Notes and the General Interpretative
//!   Rules decide classification, never this table.
//! - Headings are complete (every HS 2022 heading) for chapters 28, 29, 38,
//!   39, 40, 71–76, 81, 82, 84–90 and 93: the chemicals, materials, machinery,
//!   electronics, vehicles, aircraft, ships, instruments and arms that export
//!   controls and the Common High Priority List are written in. Other
//!   chapters fall back to the chapter title.
//!
//! Both tables are sorted by code and searched by binary search; tests check
//! the order, so a row pasted in the wrong place fails the build's tests
//! rather than making a lookup silently miss.

use crate::lang::Lang;

/// Which level of the nomenclature a description comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HsLevel {
    /// A two-digit chapter, e.g. 85.
    Chapter,
    /// A four-digit heading, e.g. 8542.
    Heading,
}

/// What a commodity code means, at the most precise level this module knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HsDescription {
    /// The chapter the code belongs to (1–97).
    pub chapter: u8,
    /// The four-digit heading, when the code has one and it is in the table.
    pub heading: Option<u16>,
    /// Whether `text` describes the heading or, for lack of it, the chapter.
    pub level: HsLevel,
    /// The description to show.
    pub text: &'static str,
    /// The language `text` is in. Heading texts exist in English only, so a
    /// Russian or Kazakh request for a known heading gets English text, and
    /// the caller can say so rather than pass it off as a translation.
    pub text_lang: Lang,
    /// The chapter title in the requested language, always available as
    /// context ("85 — Electrical machinery…").
    pub chapter_title: &'static str,
}

impl HsDescription {
    /// The code the text describes, zero-padded: "8542" or "85".
    pub fn code(&self) -> String {
        match (self.level, self.heading) {
            (HsLevel::Heading, Some(heading)) => format!("{heading:04}"),
            _ => format!("{:02}", self.chapter),
        }
    }
}

/// The title of an HS chapter (1–97) in `lang`; `None` for numbers outside
/// the nomenclature, including the national chapters 98 and 99.
pub fn chapter_title(chapter: u8, lang: Lang) -> Option<&'static str> {
    let row = CHAPTERS
        .binary_search_by_key(&chapter, |row| row.chapter)
        .ok()
        .and_then(|index| CHAPTERS.get(index))?;
    Some(match lang {
        Lang::En => row.en,
        Lang::Ru => row.ru,
        Lang::Kk => row.kk,
    })
}

/// The English description of a four-digit heading such as `"8542"`.
///
/// The WCO's own notation `"85.42"` and surrounding spaces are accepted.
/// `None` when `heading` is not exactly four ASCII digits or the heading is
/// not in the table (either it does not exist in HS 2022 or its chapter is
/// one this module covers only by title).
pub fn heading_description(heading: &str) -> Option<&'static str> {
    let code = parse_digits(heading).filter(|digits| digits.len() == 4)?;
    lookup_heading(number(&code)?)
}

/// Describes a commodity code of any length from 2 digits up, as typed on an
/// invoice: `"85"`, `"8542"`, `"854231"`, `"8542.31"`, `"8542 31 000 0"`.
///
/// Dots, spaces and tabs are ignored, as [`crate::hs::HsCode`] ignores them,
/// so `describe(code.as_str(), lang)` works for a parsed code too. Anything
/// else that is not a digit makes the code unreadable and gives `None`, as
/// does a chapter outside 01–97. A code whose heading is in the table is
/// described by the heading (in English), otherwise by the chapter title in
/// `lang`.
pub fn describe(code_digits: &str, lang: Lang) -> Option<HsDescription> {
    let digits = parse_digits(code_digits)?;
    let chapter = u8::try_from(number(digits.get(..2)?)?).ok()?;
    let chapter_title = chapter_title(chapter, lang)?;
    let known_heading = digits
        .get(..4)
        .and_then(number)
        .and_then(|heading| lookup_heading(heading).map(|text| (heading, text)));
    Some(match known_heading {
        Some((heading, text)) => HsDescription {
            chapter,
            heading: Some(heading),
            level: HsLevel::Heading,
            text,
            text_lang: Lang::En,
            chapter_title,
        },
        None => HsDescription {
            chapter,
            heading: digits.get(..4).and_then(number),
            level: HsLevel::Chapter,
            text: chapter_title,
            text_lang: lang,
            chapter_title,
        },
    })
}

/// Every heading in the table with its description, in code order; for
/// listings and for checking coverage.
pub fn headings() -> impl Iterator<Item = (u16, &'static str)> {
    HEADINGS.iter().map(|row| (row.heading, row.en))
}

/// Strips the separators people put in codes (dots, spaces, tabs) and returns the
/// digits, or `None` if anything else is present or there are fewer than two.
fn parse_digits(code: &str) -> Option<Vec<u8>> {
    let mut digits = Vec::with_capacity(code.len());
    for c in code.trim().chars() {
        match c {
            '0'..='9' => digits.push(c as u8 - b'0'),
            // The same separators `crate::hs` accepts, so raw user input and
            // `HsCode::as_str()` describe alike.
            '.' | ' ' | '\u{a0}' | '\t' => {}
            _ => return None,
        }
    }
    (digits.len() >= 2).then_some(digits)
}

/// The decimal number formed by up to four digits.
fn number(digits: &[u8]) -> Option<u16> {
    if digits.is_empty() || digits.len() > 4 {
        return None;
    }
    Some(
        digits
            .iter()
            .fold(0u16, |acc, digit| acc * 10 + u16::from(*digit)),
    )
}

fn lookup_heading(heading: u16) -> Option<&'static str> {
    HEADINGS
        .binary_search_by_key(&heading, |row| row.heading)
        .ok()
        .and_then(|index| HEADINGS.get(index))
        .map(|row| row.en)
}

/// One chapter title in the three languages.
struct Chapter {
    chapter: u8,
    en: &'static str,
    ru: &'static str,
    kk: &'static str,
}

/// One four-digit heading; the code is stored as a number (8542, or 101 for
/// heading 0101) so the table sorts numerically and needs no parsing.
struct Heading {
    heading: u16,
    en: &'static str,
}

/// HS 2022 chapter titles, sorted by chapter.
#[rustfmt::skip]
static CHAPTERS: &[Chapter] = &[
    Chapter { chapter: 1, en: "Live animals", ru: "Живые животные", kk: "Тірі жануарлар" },
    Chapter { chapter: 2, en: "Meat and edible meat offal", ru: "Мясо и пищевые мясные субпродукты", kk: "Ет және тағамдық ет қосалқы өнімдері" },
    Chapter { chapter: 3, en: "Fish and crustaceans, molluscs and other aquatic invertebrates", ru: "Рыба и ракообразные, моллюски и прочие водные беспозвоночные", kk: "Балық және шаянтәрізділер, моллюскілер және басқа да су омыртқасыздары" },
    Chapter { chapter: 4, en: "Dairy produce; birds' eggs; natural honey; edible products of animal origin n.e.s.", ru: "Молочная продукция; яйца птиц; мёд натуральный; пищевые продукты животного происхождения, в другом месте не поименованные", kk: "Сүт өнімдері; құс жұмыртқасы; табиғи бал; басқа жерде аталмаған жануар текті тағам өнімдері" },
    Chapter { chapter: 5, en: "Products of animal origin n.e.s.", ru: "Продукты животного происхождения, в другом месте не поименованные", kk: "Басқа жерде аталмаған жануар текті өнімдер" },
    Chapter { chapter: 6, en: "Live trees and other plants; bulbs, roots and the like; cut flowers and ornamental foliage", ru: "Живые деревья и другие растения; луковицы, корни и прочие аналогичные части растений; срезанные цветы и декоративная зелень", kk: "Тірі ағаштар және басқа да өсімдіктер; пиязшықтар, тамырлар және соған ұқсастар; кесілген гүлдер мен сәндік жасыл желек" },
    Chapter { chapter: 7, en: "Edible vegetables and certain roots and tubers", ru: "Овощи и некоторые съедобные корнеплоды и клубнеплоды", kk: "Көкөністер және кейбір жеуге жарамды тамыржемістілер мен түйнекжемістілер" },
    Chapter { chapter: 8, en: "Edible fruit and nuts; peel of citrus fruit or melons", ru: "Съедобные фрукты и орехи; кожура цитрусовых плодов или корки дынь", kk: "Жеуге жарамды жемістер мен жаңғақтар; цитрус жемістерінің немесе қауынның қабығы" },
    Chapter { chapter: 9, en: "Coffee, tea, maté and spices", ru: "Кофе, чай, мате и пряности", kk: "Кофе, шай, мате және дәмдеуіштер" },
    Chapter { chapter: 10, en: "Cereals", ru: "Злаки", kk: "Дәнді дақылдар" },
    Chapter { chapter: 11, en: "Products of the milling industry; malt; starches; inulin; wheat gluten", ru: "Продукция мукомольно-крупяной промышленности; солод; крахмалы; инулин; пшеничная клейковина", kk: "Ұн тарту-жарма өнеркәсібінің өнімдері; уыт; крахмалдар; инулин; бидай клейковинасы" },
    Chapter { chapter: 12, en: "Oil seeds and oleaginous fruits; miscellaneous grains, seeds and fruit; industrial or medicinal plants; straw and fodder", ru: "Масличные семена и плоды; прочие семена, плоды и зерно; лекарственные растения и растения для технических целей; солома и фураж", kk: "Майлы тұқымдар мен жемістер; басқа да тұқымдар, жемістер мен дәндер; дәрілік және техникалық өсімдіктер; сабан және мал азығы" },
    Chapter { chapter: 13, en: "Lac; gums, resins and other vegetable saps and extracts", ru: "Шеллак; камеди, смолы и прочие растительные соки и экстракты", kk: "Шеллак; камедьтер, шайырлар және басқа да өсімдік шырындары мен сығындылары" },
    Chapter { chapter: 14, en: "Vegetable plaiting materials; vegetable products n.e.s.", ru: "Растительные материалы для изготовления плетёных изделий; прочие продукты растительного происхождения", kk: "Тоқып-өруге арналған өсімдік материалдары; басқа жерде аталмаған өсімдік текті өнімдер" },
    Chapter { chapter: 15, en: "Animal, vegetable or microbial fats and oils and their cleavage products; prepared edible fats; animal or vegetable waxes", ru: "Жиры и масла животного, растительного или микробиологического происхождения и продукты их расщепления; готовые пищевые жиры; воски животного или растительного происхождения", kk: "Жануар, өсімдік немесе микробтық текті майлар мен олардың ыдырау өнімдері; дайын тағамдық майлар; жануар немесе өсімдік текті балауыздар" },
    Chapter { chapter: 16, en: "Preparations of meat, fish, crustaceans, molluscs or other aquatic invertebrates, or of insects", ru: "Готовые продукты из мяса, рыбы, ракообразных, моллюсков или прочих водных беспозвоночных либо насекомых", kk: "Еттен, балықтан, шаянтәрізділерден, моллюскілерден немесе басқа су омыртқасыздарынан не жәндіктерден жасалған дайын өнімдер" },
    Chapter { chapter: 17, en: "Sugars and sugar confectionery", ru: "Сахар и кондитерские изделия из сахара", kk: "Қант және қанттан жасалған кондитерлік бұйымдар" },
    Chapter { chapter: 18, en: "Cocoa and cocoa preparations", ru: "Какао и продукты из него", kk: "Какао және одан жасалған өнімдер" },
    Chapter { chapter: 19, en: "Preparations of cereals, flour, starch or milk; pastrycooks' products", ru: "Готовые продукты из зерна злаков, муки, крахмала или молока; мучные кондитерские изделия", kk: "Дәнді дақылдардан, ұннан, крахмалдан немесе сүттен жасалған дайын өнімдер; ұннан жасалған кондитерлік бұйымдар" },
    Chapter { chapter: 20, en: "Preparations of vegetables, fruit, nuts or other parts of plants", ru: "Продукты переработки овощей, фруктов, орехов или прочих частей растений", kk: "Көкөністерді, жемістерді, жаңғақтарды немесе өсімдіктердің басқа бөліктерін қайта өңдеу өнімдері" },
    Chapter { chapter: 21, en: "Miscellaneous edible preparations", ru: "Разные пищевые продукты", kk: "Әртүрлі тағам өнімдері" },
    Chapter { chapter: 22, en: "Beverages, spirits and vinegar", ru: "Алкогольные и безалкогольные напитки и уксус", kk: "Алкогольді және алкогольсіз сусындар және сірке суы" },
    Chapter { chapter: 23, en: "Residues and waste from the food industries; prepared animal fodder", ru: "Остатки и отходы пищевой промышленности; готовые корма для животных", kk: "Тамақ өнеркәсібінің қалдықтары; жануарларға арналған дайын азықтар" },
    Chapter { chapter: 24, en: "Tobacco and manufactured tobacco substitutes; nicotine products for inhalation without combustion", ru: "Табак и промышленные заменители табака; никотинсодержащая продукция, предназначенная для вдыхания без горения", kk: "Темекі және темекінің өнеркәсіптік алмастырғыштары; жанусыз ингаляциялауға арналған құрамында никотин бар өнімдер" },
    Chapter { chapter: 25, en: "Salt; sulphur; earths and stone; plastering materials, lime and cement", ru: "Соль; сера; земли и камень; штукатурные материалы, известь и цемент", kk: "Тұз; күкірт; топырақ пен тас; сылақ материалдары, әк және цемент" },
    Chapter { chapter: 26, en: "Ores, slag and ash", ru: "Руды, шлак и зола", kk: "Кендер, қож және күл" },
    Chapter { chapter: 27, en: "Mineral fuels, mineral oils and products of their distillation; bituminous substances; mineral waxes", ru: "Топливо минеральное, нефть и продукты их перегонки; битуминозные вещества; воски минеральные", kk: "Минералдық отын, мұнай және оларды айдау өнімдері; битумды заттар; минералдық балауыздар" },
    Chapter { chapter: 28, en: "Inorganic chemicals; compounds of precious metals, rare-earth metals, radioactive elements or isotopes", ru: "Продукты неорганической химии; соединения драгоценных металлов, редкоземельных металлов, радиоактивных элементов или изотопов", kk: "Бейорганикалық химия өнімдері; асыл металдардың, сирек жер металдарының, радиоактивті элементтердің немесе изотоптардың қосылыстары" },
    Chapter { chapter: 29, en: "Organic chemicals", ru: "Органические химические соединения", kk: "Органикалық химиялық қосылыстар" },
    Chapter { chapter: 30, en: "Pharmaceutical products", ru: "Фармацевтическая продукция", kk: "Фармацевтикалық өнімдер" },
    Chapter { chapter: 31, en: "Fertilisers", ru: "Удобрения", kk: "Тыңайтқыштар" },
    Chapter { chapter: 32, en: "Tanning or dyeing extracts; dyes, pigments and other colouring matter; paints and varnishes; putty; inks", ru: "Экстракты дубильные или красильные; красители, пигменты и прочие красящие вещества; краски и лаки; шпатлёвки; чернила", kk: "Илеу немесе бояу сығындылары; бояғыштар, пигменттер және басқа да бояғыш заттар; бояулар мен лактар; шпатлевкалар; сия" },
    Chapter { chapter: 33, en: "Essential oils and resinoids; perfumery, cosmetic or toilet preparations", ru: "Эфирные масла и резиноиды; парфюмерные, косметические или туалетные средства", kk: "Эфир майлары мен резиноидтар; парфюмерлік, косметикалық немесе дәретханалық құралдар" },
    Chapter { chapter: 34, en: "Soap, surface-active agents, washing and lubricating preparations, waxes, candles, modelling pastes and dental preparations", ru: "Мыло, поверхностно-активные вещества, моющие и смазочные средства, воски, свечи, пасты для лепки и составы для стоматологии", kk: "Сабын, беттік-белсенді заттар, жуғыш және майлағыш құралдар, балауыздар, шамдар, мүсіндеуге арналған пасталар және стоматологиялық құрамдар" },
    Chapter { chapter: 35, en: "Albuminoidal substances; modified starches; glues; enzymes", ru: "Белковые вещества; модифицированные крахмалы; клеи; ферменты", kk: "Ақуызды заттар; түрлендірілген крахмалдар; желімдер; ферменттер" },
    Chapter { chapter: 36, en: "Explosives; pyrotechnic products; matches; pyrophoric alloys; certain combustible preparations", ru: "Взрывчатые вещества; пиротехнические изделия; спички; пирофорные сплавы; некоторые горючие вещества", kk: "Жарылғыш заттар; пиротехникалық бұйымдар; сіріңкелер; пирофорлы қорытпалар; кейбір жанғыш заттар" },
    Chapter { chapter: 37, en: "Photographic or cinematographic goods", ru: "Фото- и кинотовары", kk: "Фото- және кинотауарлар" },
    Chapter { chapter: 38, en: "Miscellaneous chemical products", ru: "Прочие химические продукты", kk: "Басқа да химиялық өнімдер" },
    Chapter { chapter: 39, en: "Plastics and articles thereof", ru: "Пластмассы и изделия из них", kk: "Пластмассалар және олардан жасалған бұйымдар" },
    Chapter { chapter: 40, en: "Rubber and articles thereof", ru: "Каучук, резина и изделия из них", kk: "Каучук, резеңке және олардан жасалған бұйымдар" },
    Chapter { chapter: 41, en: "Raw hides and skins (other than furskins) and leather", ru: "Необработанные шкуры (кроме натурального меха) и выделанная кожа", kk: "Өңделмеген терілер (табиғи үлбірден басқа) және иленген былғары" },
    Chapter { chapter: 42, en: "Articles of leather; saddlery and harness; travel goods, handbags and similar containers; articles of animal gut", ru: "Изделия из кожи; шорно-седельные изделия и упряжь; дорожные принадлежности, дамские сумки и аналогичные им товары; изделия из кишок животных", kk: "Былғарыдан жасалған бұйымдар; ер-тұрман бұйымдары мен әбзелдер; жол керек-жарақтары, сөмкелер және соған ұқсас бұйымдар; жануарлар ішегінен жасалған бұйымдар" },
    Chapter { chapter: 43, en: "Furskins and artificial fur; manufactures thereof", ru: "Натуральный и искусственный мех; изделия из него", kk: "Табиғи және жасанды үлбір; олардан жасалған бұйымдар" },
    Chapter { chapter: 44, en: "Wood and articles of wood; wood charcoal", ru: "Древесина и изделия из неё; древесный уголь", kk: "Сүрек және одан жасалған бұйымдар; ағаш көмірі" },
    Chapter { chapter: 45, en: "Cork and articles of cork", ru: "Пробка и изделия из неё", kk: "Тығын және одан жасалған бұйымдар" },
    Chapter { chapter: 46, en: "Manufactures of straw, esparto or other plaiting materials; basketware and wickerwork", ru: "Изделия из соломы, альфы или прочих материалов для плетения; корзиночные изделия и другие плетёные изделия", kk: "Сабаннан, альфадан немесе басқа да тоқып-өру материалдарынан жасалған бұйымдар; себет және басқа да өрме бұйымдар" },
    Chapter { chapter: 47, en: "Pulp of wood or other fibrous cellulosic material; recovered paper or paperboard (waste and scrap)", ru: "Масса из древесины или других волокнистых целлюлозных материалов; регенерируемые бумага или картон (макулатура и отходы)", kk: "Сүректен немесе басқа да талшықты целлюлоза материалдарынан жасалған масса; қайта өңделетін қағаз немесе картон (қалдықтар мен сынықтар)" },
    Chapter { chapter: 48, en: "Paper and paperboard; articles of paper pulp, of paper or of paperboard", ru: "Бумага и картон; изделия из бумажной массы, бумаги или картона", kk: "Қағаз және картон; қағаз массасынан, қағаздан немесе картоннан жасалған бұйымдар" },
    Chapter { chapter: 49, en: "Printed books, newspapers, pictures and other products of the printing industry; manuscripts, typescripts and plans", ru: "Печатные книги, газеты, репродукции и другие изделия полиграфической промышленности; рукописи, машинописные тексты и планы", kk: "Баспа кітаптары, газеттер, репродукциялар және полиграфия өнеркәсібінің басқа да бұйымдары; қолжазбалар, машинкамен басылған мәтіндер мен жоспарлар" },
    Chapter { chapter: 50, en: "Silk", ru: "Шёлк", kk: "Жібек" },
    Chapter { chapter: 51, en: "Wool, fine or coarse animal hair; horsehair yarn and woven fabric", ru: "Шерсть, тонкий или грубый волос животных; пряжа и ткань из конского волоса", kk: "Жүн, жануарлардың биязы немесе қылшық қылы; жылқы қылынан жасалған иірімжіп пен мата" },
    Chapter { chapter: 52, en: "Cotton", ru: "Хлопок", kk: "Мақта" },
    Chapter { chapter: 53, en: "Other vegetable textile fibres; paper yarn and woven fabrics of paper yarn", ru: "Прочие растительные текстильные волокна; бумажная пряжа и ткани из бумажной пряжи", kk: "Басқа да өсімдік тоқыма талшықтары; қағаз иірімжіп және қағаз иірімжіптен жасалған маталар" },
    Chapter { chapter: 54, en: "Man-made filaments; strip and the like of man-made textile materials", ru: "Химические нити; плоские и аналогичные нити из химических текстильных материалов", kk: "Химиялық жіптер; химиялық тоқыма материалдарынан жасалған жалпақ және соған ұқсас жіптер" },
    Chapter { chapter: 55, en: "Man-made staple fibres", ru: "Химические волокна", kk: "Химиялық талшықтар" },
    Chapter { chapter: 56, en: "Wadding, felt and nonwovens; special yarns; twine, cordage, ropes and cables and articles thereof", ru: "Вата, войлок или фетр и нетканые материалы; специальная пряжа; бечёвки, верёвки, канаты и тросы и изделия из них", kk: "Мақта мата, киіз немесе фетр және тоқыма емес материалдар; арнайы иірімжіп; шпагаттар, жіптер, арқандар мен тростар және олардан жасалған бұйымдар" },
    Chapter { chapter: 57, en: "Carpets and other textile floor coverings", ru: "Ковры и прочие текстильные напольные покрытия", kk: "Кілемдер және басқа да тоқыма еден жабындары" },
    Chapter { chapter: 58, en: "Special woven fabrics; tufted textile fabrics; lace; tapestries; trimmings; embroidery", ru: "Специальные ткани; тафтинговые текстильные материалы; кружева; гобелены; отделочные материалы; вышивки", kk: "Арнайы маталар; тафтингтік тоқыма материалдары; шілтер; гобелендер; әрлеу материалдары; кестелер" },
    Chapter { chapter: 59, en: "Impregnated, coated, covered or laminated textile fabrics; textile articles of a kind suitable for industrial use", ru: "Текстильные материалы, пропитанные, с покрытием или дублированные; текстильные изделия технического назначения", kk: "Сіңдірілген, жабындалған, қапталған немесе қабаттастырылған тоқыма материалдары; техникалық мақсаттағы тоқыма бұйымдары" },
    Chapter { chapter: 60, en: "Knitted or crocheted fabrics", ru: "Трикотажные полотна машинного или ручного вязания", kk: "Машинамен немесе қолмен тоқылған трикотаж кенептер" },
    Chapter { chapter: 61, en: "Articles of apparel and clothing accessories, knitted or crocheted", ru: "Предметы одежды и принадлежности к одежде, трикотажные машинного или ручного вязания", kk: "Машинамен немесе қолмен тоқылған трикотаж киім бұйымдары мен киім керек-жарақтары" },
    Chapter { chapter: 62, en: "Articles of apparel and clothing accessories, not knitted or crocheted", ru: "Предметы одежды и принадлежности к одежде, кроме трикотажных машинного или ручного вязания", kk: "Трикотаждан басқа киім бұйымдары мен киім керек-жарақтары" },
    Chapter { chapter: 63, en: "Other made up textile articles; sets; worn clothing and worn textile articles; rags", ru: "Прочие готовые текстильные изделия; наборы; одежда и текстильные изделия, бывшие в употреблении; тряпьё", kk: "Басқа да дайын тоқыма бұйымдары; жиынтықтар; пайдаланылған киім мен тоқыма бұйымдары; шүберек" },
    Chapter { chapter: 64, en: "Footwear, gaiters and the like; parts of such articles", ru: "Обувь, гетры и аналогичные изделия; их детали", kk: "Аяқ киім, гетралар және соған ұқсас бұйымдар; олардың бөлшектері" },
    Chapter { chapter: 65, en: "Headgear and parts thereof", ru: "Головные уборы и их части", kk: "Бас киімдер және олардың бөліктері" },
    Chapter { chapter: 66, en: "Umbrellas, sun umbrellas, walking-sticks, seat-sticks, whips, riding-crops and parts thereof", ru: "Зонты, солнцезащитные зонты, трости, трости-сиденья, хлысты, кнуты для верховой езды и их части", kk: "Қолшатырлар, күннен қорғайтын қолшатырлар, таяқтар, отырғышы бар таяқтар, қамшылар, шыбықтар және олардың бөліктері" },
    Chapter { chapter: 67, en: "Prepared feathers and down and articles thereof; artificial flowers; articles of human hair", ru: "Обработанные перья и пух и изделия из них; искусственные цветы; изделия из человеческого волоса", kk: "Өңделген қауырсын мен мамық және олардан жасалған бұйымдар; жасанды гүлдер; адам шашынан жасалған бұйымдар" },
    Chapter { chapter: 68, en: "Articles of stone, plaster, cement, asbestos, mica or similar materials", ru: "Изделия из камня, гипса, цемента, асбеста, слюды или аналогичных материалов", kk: "Тастан, гипстен, цементтен, асбесттен, слюдадан немесе соған ұқсас материалдардан жасалған бұйымдар" },
    Chapter { chapter: 69, en: "Ceramic products", ru: "Керамические изделия", kk: "Керамикалық бұйымдар" },
    Chapter { chapter: 70, en: "Glass and glassware", ru: "Стекло и изделия из него", kk: "Шыны және одан жасалған бұйымдар" },
    Chapter { chapter: 71, en: "Pearls, precious or semi-precious stones, precious metals, metals clad with precious metal, and articles thereof; imitation jewellery; coin", ru: "Жемчуг природный или культивированный, драгоценные или полудрагоценные камни, драгоценные металлы, металлы, плакированные драгоценными металлами, и изделия из них; бижутерия; монеты", kk: "Табиғи немесе өсірілген інжу, асыл немесе жартылай асыл тастар, асыл металдар, асыл металмен плакирленген металдар және олардан жасалған бұйымдар; бижутерия; монеталар" },
    Chapter { chapter: 72, en: "Iron and steel", ru: "Чёрные металлы", kk: "Қара металдар" },
    Chapter { chapter: 73, en: "Articles of iron or steel", ru: "Изделия из чёрных металлов", kk: "Қара металдардан жасалған бұйымдар" },
    Chapter { chapter: 74, en: "Copper and articles thereof", ru: "Медь и изделия из неё", kk: "Мыс және одан жасалған бұйымдар" },
    Chapter { chapter: 75, en: "Nickel and articles thereof", ru: "Никель и изделия из него", kk: "Никель және одан жасалған бұйымдар" },
    Chapter { chapter: 76, en: "Aluminium and articles thereof", ru: "Алюминий и изделия из него", kk: "Алюминий және одан жасалған бұйымдар" },
    Chapter { chapter: 77, en: "(Reserved for possible future use in the Harmonized System)", ru: "(Зарезервирована для возможного будущего использования в Гармонизированной системе)", kk: "(Үйлестірілген жүйеде болашақта пайдалану үшін сақталған)" },
    Chapter { chapter: 78, en: "Lead and articles thereof", ru: "Свинец и изделия из него", kk: "Қорғасын және одан жасалған бұйымдар" },
    Chapter { chapter: 79, en: "Zinc and articles thereof", ru: "Цинк и изделия из него", kk: "Мырыш және одан жасалған бұйымдар" },
    Chapter { chapter: 80, en: "Tin and articles thereof", ru: "Олово и изделия из него", kk: "Қалайы және одан жасалған бұйымдар" },
    Chapter { chapter: 81, en: "Other base metals; cermets; articles thereof", ru: "Прочие недрагоценные металлы; металлокерамика; изделия из них", kk: "Басқа да бағалы емес металдар; металлокерамика; олардан жасалған бұйымдар" },
    Chapter { chapter: 82, en: "Tools, implements, cutlery, spoons and forks, of base metal; parts thereof of base metal", ru: "Инструменты, приспособления, ножевые изделия, ложки и вилки из недрагоценных металлов; их части из недрагоценных металлов", kk: "Бағалы емес металдардан жасалған құралдар, керек-жарақтар, пышақ бұйымдары, қасықтар мен шанышқылар; олардың бағалы емес металдан жасалған бөліктері" },
    Chapter { chapter: 83, en: "Miscellaneous articles of base metal", ru: "Прочие изделия из недрагоценных металлов", kk: "Бағалы емес металдардан жасалған басқа да бұйымдар" },
    Chapter { chapter: 84, en: "Nuclear reactors, boilers, machinery and mechanical appliances; parts thereof", ru: "Реакторы ядерные, котлы, оборудование и механические устройства; их части", kk: "Ядролық реакторлар, қазандықтар, жабдықтар мен механикалық құрылғылар; олардың бөліктері" },
    Chapter { chapter: 85, en: "Electrical machinery and equipment and parts thereof; sound recorders and reproducers, television image and sound recorders and reproducers, and parts and accessories of such articles", ru: "Электрические машины и оборудование, их части; звукозаписывающая и звуковоспроизводящая аппаратура, аппаратура для записи и воспроизведения телевизионного изображения и звука, их части и принадлежности", kk: "Электр машиналары мен жабдықтары, олардың бөліктері; дыбыс жазатын және дыбыс шығаратын аппаратура, теледидар бейнесі мен дыбысын жазуға және шығаруға арналған аппаратура, олардың бөліктері мен керек-жарақтары" },
    Chapter { chapter: 86, en: "Railway or tramway locomotives, rolling stock and parts thereof; railway or tramway track fixtures and fittings; mechanical traffic signalling equipment of all kinds", ru: "Железнодорожные локомотивы или моторные вагоны трамвая, подвижной состав и их части; путевое оборудование и устройства для железных дорог или трамвайных путей; механическое сигнальное оборудование всех типов", kk: "Темір жол немесе трамвай локомотивтері, жылжымалы құрам және олардың бөліктері; темір жол немесе трамвай жолдарының жол жабдықтары мен құрылғылары; барлық түрдегі механикалық сигнал беру жабдықтары" },
    Chapter { chapter: 87, en: "Vehicles other than railway or tramway rolling stock, and parts and accessories thereof", ru: "Средства наземного транспорта, кроме железнодорожного или трамвайного подвижного состава, и их части и принадлежности", kk: "Темір жол немесе трамвай жылжымалы құрамынан басқа жерүсті көлік құралдары, олардың бөліктері мен керек-жарақтары" },
    Chapter { chapter: 88, en: "Aircraft, spacecraft, and parts thereof", ru: "Летательные аппараты, космические аппараты и их части", kk: "Әуе кемелері, ғарыш аппараттары және олардың бөліктері" },
    Chapter { chapter: 89, en: "Ships, boats and floating structures", ru: "Суда, лодки и плавучие конструкции", kk: "Кемелер, қайықтар және жүзбелі құрылымдар" },
    Chapter { chapter: 90, en: "Optical, photographic, cinematographic, measuring, checking, precision, medical or surgical instruments and apparatus; parts and accessories thereof", ru: "Инструменты и аппараты оптические, фотографические, кинематографические, измерительные, контрольные, прецизионные, медицинские или хирургические; их части и принадлежности", kk: "Оптикалық, фотографиялық, кинематографиялық, өлшеу, бақылау, прецизиялық, медициналық немесе хирургиялық аспаптар мен аппараттар; олардың бөліктері мен керек-жарақтары" },
    Chapter { chapter: 91, en: "Clocks and watches and parts thereof", ru: "Часы всех видов и их части", kk: "Сағаттардың барлық түрлері және олардың бөліктері" },
    Chapter { chapter: 92, en: "Musical instruments; parts and accessories of such articles", ru: "Музыкальные инструменты; их части и принадлежности", kk: "Музыкалық аспаптар; олардың бөліктері мен керек-жарақтары" },
    Chapter { chapter: 93, en: "Arms and ammunition; parts and accessories thereof", ru: "Оружие и боеприпасы; их части и принадлежности", kk: "Қару және оқ-дәрілер; олардың бөліктері мен керек-жарақтары" },
    Chapter { chapter: 94, en: "Furniture; bedding, mattresses, cushions and similar stuffed furnishings; luminaires and lighting fittings n.e.s.; illuminated signs and name-plates; prefabricated buildings", ru: "Мебель; постельные принадлежности, матрацы, подушки и аналогичные набивные принадлежности; светильники и осветительное оборудование, в другом месте не поименованные; световые вывески, световые таблички; сборные строительные конструкции", kk: "Жиһаз; төсек-орын керек-жарақтары, матрацтар, жастықтар және соған ұқсас толтырылған бұйымдар; басқа жерде аталмаған шам-жарық аспаптары мен жарықтандыру жабдықтары; жарықты маңдайшалар мен тақтайшалар; құрастырмалы құрылыс конструкциялары" },
    Chapter { chapter: 95, en: "Toys, games and sports requisites; parts and accessories thereof", ru: "Игрушки, игры и спортивный инвентарь; их части и принадлежности", kk: "Ойыншықтар, ойындар және спорт мүкәммалы; олардың бөліктері мен керек-жарақтары" },
    Chapter { chapter: 96, en: "Miscellaneous manufactured articles", ru: "Разные готовые изделия", kk: "Әртүрлі дайын бұйымдар" },
    Chapter { chapter: 97, en: "Works of art, collectors' pieces and antiques", ru: "Произведения искусства, предметы коллекционирования и антиквариат", kk: "Өнер туындылары, коллекциялық заттар және антиквариат" },
];

/// HS 2022 heading texts (concise English), sorted by heading.
#[rustfmt::skip]
static HEADINGS: &[Heading] = &[
    // Chapter 28
    Heading { heading: 2801, en: "Fluorine, chlorine, bromine and iodine" },
    Heading { heading: 2802, en: "Sulphur, sublimed or precipitated; colloidal sulphur" },
    Heading { heading: 2803, en: "Carbon (carbon blacks and other forms of carbon n.e.s.)" },
    Heading { heading: 2804, en: "Hydrogen, rare gases and other non-metals (e.g. nitrogen, oxygen, boron, selenium, silicon, phosphorus)" },
    Heading { heading: 2805, en: "Alkali or alkaline-earth metals; rare-earth metals, scandium and yttrium; mercury" },
    Heading { heading: 2806, en: "Hydrogen chloride (hydrochloric acid); chlorosulphuric acid" },
    Heading { heading: 2807, en: "Sulphuric acid; oleum" },
    Heading { heading: 2808, en: "Nitric acid; sulphonitric acids" },
    Heading { heading: 2809, en: "Diphosphorus pentaoxide; phosphoric acid; polyphosphoric acids" },
    Heading { heading: 2810, en: "Oxides of boron; boric acids" },
    Heading { heading: 2811, en: "Other inorganic acids and inorganic oxygen compounds of non-metals (e.g. hydrogen fluoride, hydrogen cyanide, silicon dioxide)" },
    Heading { heading: 2812, en: "Halides and halide oxides of non-metals (e.g. phosphorus trichloride, phosphorus oxychloride)" },
    Heading { heading: 2813, en: "Sulphides of non-metals; commercial phosphorus trisulphide" },
    Heading { heading: 2814, en: "Ammonia, anhydrous or in aqueous solution" },
    Heading { heading: 2815, en: "Sodium hydroxide (caustic soda); potassium hydroxide (caustic potash); peroxides of sodium or potassium" },
    Heading { heading: 2816, en: "Hydroxide and peroxide of magnesium; oxides, hydroxides and peroxides of strontium or barium" },
    Heading { heading: 2817, en: "Zinc oxide; zinc peroxide" },
    Heading { heading: 2818, en: "Artificial corundum; aluminium oxide; aluminium hydroxide" },
    Heading { heading: 2819, en: "Chromium oxides and hydroxides" },
    Heading { heading: 2820, en: "Manganese oxides" },
    Heading { heading: 2821, en: "Iron oxides and hydroxides; earth colours with 70 % or more combined iron as Fe2O3" },
    Heading { heading: 2822, en: "Cobalt oxides and hydroxides; commercial cobalt oxides" },
    Heading { heading: 2823, en: "Titanium oxides" },
    Heading { heading: 2824, en: "Lead oxides; red lead and orange lead" },
    Heading { heading: 2825, en: "Hydrazine and hydroxylamine and their inorganic salts; other inorganic bases; other metal oxides, hydroxides and peroxides" },
    Heading { heading: 2826, en: "Fluorides; fluorosilicates, fluoroaluminates and other complex fluorine salts" },
    Heading { heading: 2827, en: "Chlorides, chloride oxides and chloride hydroxides; bromides and bromide oxides; iodides and iodide oxides" },
    Heading { heading: 2828, en: "Hypochlorites; commercial calcium hypochlorite; chlorites; hypobromites" },
    Heading { heading: 2829, en: "Chlorates and perchlorates; bromates and perbromates; iodates and periodates" },
    Heading { heading: 2830, en: "Sulphides; polysulphides" },
    Heading { heading: 2831, en: "Dithionites and sulphoxylates" },
    Heading { heading: 2832, en: "Sulphites; thiosulphates" },
    Heading { heading: 2833, en: "Sulphates; alums; peroxosulphates (persulphates)" },
    Heading { heading: 2834, en: "Nitrites; nitrates" },
    Heading { heading: 2835, en: "Phosphinates (hypophosphites), phosphonates (phosphites) and phosphates; polyphosphates" },
    Heading { heading: 2836, en: "Carbonates; peroxocarbonates (percarbonates); commercial ammonium carbonate" },
    Heading { heading: 2837, en: "Cyanides, cyanide oxides and complex cyanides" },
    Heading { heading: 2839, en: "Silicates; commercial alkali metal silicates" },
    Heading { heading: 2840, en: "Borates; peroxoborates (perborates)" },
    Heading { heading: 2841, en: "Salts of oxometallic or peroxometallic acids (e.g. aluminates, chromates, manganates, molybdates, tungstates)" },
    Heading { heading: 2842, en: "Other salts of inorganic acids or peroxoacids, including aluminosilicates, excluding azides" },
    Heading { heading: 2843, en: "Colloidal precious metals; compounds of precious metals; amalgams of precious metals" },
    Heading { heading: 2844, en: "Radioactive chemical elements and isotopes (including fissile or fertile elements and isotopes) and their compounds; mixtures and residues containing them" },
    Heading { heading: 2845, en: "Isotopes other than those of 2844 (e.g. heavy water, deuterium) and their compounds" },
    Heading { heading: 2846, en: "Compounds of rare-earth metals, of yttrium or of scandium, or of mixtures of these metals" },
    Heading { heading: 2847, en: "Hydrogen peroxide" },
    Heading { heading: 2849, en: "Carbides (e.g. of calcium, silicon, boron, tungsten)" },
    Heading { heading: 2850, en: "Hydrides, nitrides, azides, silicides and borides (other than carbides of 2849)" },
    Heading { heading: 2852, en: "Compounds of mercury, excluding amalgams" },
    Heading { heading: 2853, en: "Phosphides; other inorganic compounds n.e.s. (including distilled or conductivity water, liquid air, compressed air, cyanogen chloride)" },

    // Chapter 29
    Heading { heading: 2901, en: "Acyclic hydrocarbons" },
    Heading { heading: 2902, en: "Cyclic hydrocarbons" },
    Heading { heading: 2903, en: "Halogenated derivatives of hydrocarbons" },
    Heading { heading: 2904, en: "Sulphonated, nitrated or nitrosated derivatives of hydrocarbons" },
    Heading { heading: 2905, en: "Acyclic alcohols and their halogenated, sulphonated, nitrated or nitrosated derivatives" },
    Heading { heading: 2906, en: "Cyclic alcohols and their halogenated, sulphonated, nitrated or nitrosated derivatives" },
    Heading { heading: 2907, en: "Phenols; phenol-alcohols" },
    Heading { heading: 2908, en: "Halogenated, sulphonated, nitrated or nitrosated derivatives of phenols or phenol-alcohols" },
    Heading { heading: 2909, en: "Ethers, ether-alcohols, ether-phenols, alcohol peroxides, ether peroxides, acetal and hemiacetal peroxides, ketone peroxides, and their derivatives" },
    Heading { heading: 2910, en: "Epoxides, epoxyalcohols, epoxyphenols and epoxyethers with a three-membered ring, and their derivatives" },
    Heading { heading: 2911, en: "Acetals and hemiacetals, and their derivatives" },
    Heading { heading: 2912, en: "Aldehydes; cyclic polymers of aldehydes; paraformaldehyde" },
    Heading { heading: 2913, en: "Halogenated, sulphonated, nitrated or nitrosated derivatives of products of 2912" },
    Heading { heading: 2914, en: "Ketones and quinones, and their derivatives" },
    Heading { heading: 2915, en: "Saturated acyclic monocarboxylic acids and their anhydrides, halides, peroxides and peroxyacids, and their derivatives" },
    Heading { heading: 2916, en: "Unsaturated acyclic and cyclic monocarboxylic acids, their anhydrides, halides, peroxides and peroxyacids, and their derivatives" },
    Heading { heading: 2917, en: "Polycarboxylic acids, their anhydrides, halides, peroxides and peroxyacids, and their derivatives" },
    Heading { heading: 2918, en: "Carboxylic acids with additional oxygen function, their anhydrides, halides, peroxides and peroxyacids, and their derivatives" },
    Heading { heading: 2919, en: "Phosphoric esters and their salts, including lactophosphates, and their derivatives" },
    Heading { heading: 2920, en: "Esters of other inorganic acids of non-metals (excluding esters of hydrogen halides) and their salts, and their derivatives" },
    Heading { heading: 2921, en: "Amine-function compounds" },
    Heading { heading: 2922, en: "Oxygen-function amino-compounds" },
    Heading { heading: 2923, en: "Quaternary ammonium salts and hydroxides; lecithins and other phosphoaminolipids" },
    Heading { heading: 2924, en: "Carboxyamide-function compounds; amide-function compounds of carbonic acid" },
    Heading { heading: 2925, en: "Carboxyimide-function compounds (including saccharin) and imine-function compounds" },
    Heading { heading: 2926, en: "Nitrile-function compounds" },
    Heading { heading: 2927, en: "Diazo-, azo- or azoxy-compounds" },
    Heading { heading: 2928, en: "Organic derivatives of hydrazine or of hydroxylamine" },
    Heading { heading: 2929, en: "Compounds with other nitrogen function (e.g. isocyanates)" },
    Heading { heading: 2930, en: "Organo-sulphur compounds" },
    Heading { heading: 2931, en: "Other organo-inorganic compounds (e.g. organo-phosphorus compounds)" },
    Heading { heading: 2932, en: "Heterocyclic compounds with oxygen hetero-atom(s) only" },
    Heading { heading: 2933, en: "Heterocyclic compounds with nitrogen hetero-atom(s) only" },
    Heading { heading: 2934, en: "Nucleic acids and their salts; other heterocyclic compounds" },
    Heading { heading: 2935, en: "Sulphonamides" },
    Heading { heading: 2936, en: "Provitamins and vitamins, natural or synthetic, and their derivatives" },
    Heading { heading: 2937, en: "Hormones, prostaglandins, thromboxanes and leukotrienes, natural or synthetic, and their derivatives and structural analogues" },
    Heading { heading: 2938, en: "Glycosides, natural or synthetic, and their salts, ethers, esters and other derivatives" },
    Heading { heading: 2939, en: "Alkaloids, natural or synthetic, and their salts, ethers, esters and other derivatives" },
    Heading { heading: 2940, en: "Chemically pure sugars (other than sucrose, lactose, maltose, glucose and fructose); sugar ethers, acetals and esters" },
    Heading { heading: 2941, en: "Antibiotics" },
    Heading { heading: 2942, en: "Other organic compounds n.e.s." },

    // Chapter 38
    Heading { heading: 3801, en: "Artificial graphite; colloidal or semi-colloidal graphite; preparations based on graphite or other carbon (pastes, blocks, plates)" },
    Heading { heading: 3802, en: "Activated carbon; activated natural mineral products; animal black" },
    Heading { heading: 3803, en: "Tall oil, whether or not refined" },
    Heading { heading: 3804, en: "Residual lyes from the manufacture of wood pulp, including lignin sulphonates" },
    Heading { heading: 3805, en: "Gum, wood or sulphate turpentine and other terpenic oils; crude dipentene; sulphite turpentine; pine oil" },
    Heading { heading: 3806, en: "Rosin and resin acids and their derivatives; rosin spirit and rosin oils; run gums" },
    Heading { heading: 3807, en: "Wood tar; wood tar oils; wood creosote; wood naphtha; vegetable pitch; brewers' pitch" },
    Heading { heading: 3808, en: "Insecticides, rodenticides, fungicides, herbicides, plant-growth regulators, disinfectants and the like, in retail forms or as preparations or articles" },
    Heading { heading: 3809, en: "Finishing agents, dye carriers, dressings and mordants for the textile, paper or leather industries" },
    Heading { heading: 3810, en: "Metal-pickling preparations; fluxes and other auxiliary preparations for soldering, brazing or welding; soldering and welding powders and pastes; coatings for welding electrodes" },
    Heading { heading: 3811, en: "Anti-knock preparations, oxidation inhibitors, viscosity improvers, anti-corrosive and other additives for mineral oils or other liquids used as mineral oils" },
    Heading { heading: 3812, en: "Prepared rubber accelerators; compound plasticisers for rubber or plastics; anti-oxidising preparations and other compound stabilisers for rubber or plastics" },
    Heading { heading: 3813, en: "Preparations and charges for fire-extinguishers; charged fire-extinguishing grenades" },
    Heading { heading: 3814, en: "Organic composite solvents and thinners n.e.s.; prepared paint or varnish removers" },
    Heading { heading: 3815, en: "Reaction initiators, reaction accelerators and catalytic preparations n.e.s." },
    Heading { heading: 3816, en: "Refractory cements, mortars, concretes and similar compositions, including dolomite ramming mix" },
    Heading { heading: 3817, en: "Mixed alkylbenzenes and mixed alkylnaphthalenes (other than 2707 or 2902)" },
    Heading { heading: 3818, en: "Chemical elements doped for use in electronics, in discs, wafers or similar forms; chemical compounds doped for use in electronics" },
    Heading { heading: 3819, en: "Hydraulic brake fluids and other prepared hydraulic transmission liquids, with less than 70 % petroleum oils" },
    Heading { heading: 3820, en: "Anti-freezing preparations and prepared de-icing fluids" },
    Heading { heading: 3821, en: "Prepared culture media for micro-organisms (including viruses) or for plant, human or animal cells" },
    Heading { heading: 3822, en: "Diagnostic or laboratory reagents, on a backing or not, including test kits; certified reference materials" },
    Heading { heading: 3823, en: "Industrial monocarboxylic fatty acids; acid oils from refining; industrial fatty alcohols" },
    Heading { heading: 3824, en: "Prepared binders for foundry moulds or cores; chemical products and preparations n.e.s. (including mixtures)" },
    Heading { heading: 3825, en: "Residual products of the chemical or allied industries n.e.s.; municipal waste; sewage sludge; clinical waste; waste organic solvents" },
    Heading { heading: 3826, en: "Biodiesel and mixtures thereof, with less than 70 % petroleum oils" },
    Heading { heading: 3827, en: "Mixtures containing halogenated derivatives of methane, ethane or propane, n.e.s." },

    // Chapter 39
    Heading { heading: 3901, en: "Polymers of ethylene, in primary forms" },
    Heading { heading: 3902, en: "Polymers of propylene or of other olefins, in primary forms" },
    Heading { heading: 3903, en: "Polymers of styrene, in primary forms" },
    Heading { heading: 3904, en: "Polymers of vinyl chloride or of other halogenated olefins (including PTFE and other fluoropolymers), in primary forms" },
    Heading { heading: 3905, en: "Polymers of vinyl acetate or other vinyl esters; other vinyl polymers; in primary forms" },
    Heading { heading: 3906, en: "Acrylic polymers, in primary forms" },
    Heading { heading: 3907, en: "Polyacetals, other polyethers and epoxide resins; polycarbonates, alkyd resins, polyallyl esters and other polyesters; in primary forms" },
    Heading { heading: 3908, en: "Polyamides, in primary forms" },
    Heading { heading: 3909, en: "Amino-resins, phenolic resins and polyurethanes, in primary forms" },
    Heading { heading: 3910, en: "Silicones, in primary forms" },
    Heading { heading: 3911, en: "Petroleum resins, coumarone-indene resins, polyterpenes, polysulphides, polysulphones and other synthetic products n.e.s., in primary forms" },
    Heading { heading: 3912, en: "Cellulose and its chemical derivatives n.e.s., in primary forms" },
    Heading { heading: 3913, en: "Natural polymers (e.g. alginic acid) and modified natural polymers n.e.s., in primary forms" },
    Heading { heading: 3914, en: "Ion-exchangers based on polymers of 3901 to 3913, in primary forms" },
    Heading { heading: 3915, en: "Waste, parings and scrap, of plastics" },
    Heading { heading: 3916, en: "Plastic monofilament over 1 mm, rods, sticks and profile shapes" },
    Heading { heading: 3917, en: "Plastic tubes, pipes and hoses, and fittings for them" },
    Heading { heading: 3918, en: "Plastic floor coverings; plastic wall or ceiling coverings" },
    Heading { heading: 3919, en: "Self-adhesive plastic plates, sheets, film, foil, tape, strip and other flat shapes" },
    Heading { heading: 3920, en: "Other plastic plates, sheets, film, foil and strip, non-cellular and not reinforced, laminated or combined with other materials" },
    Heading { heading: 3921, en: "Other plastic plates, sheets, film, foil and strip (cellular, reinforced, laminated or combined)" },
    Heading { heading: 3922, en: "Plastic baths, shower-baths, sinks, wash-basins, lavatory pans, seats, flushing cisterns and similar sanitary ware" },
    Heading { heading: 3923, en: "Plastic articles for the conveyance or packing of goods; plastic stoppers, lids, caps and other closures" },
    Heading { heading: 3924, en: "Plastic tableware, kitchenware, other household articles and toilet articles" },
    Heading { heading: 3925, en: "Builders' ware of plastics n.e.s. (e.g. tanks, doors, windows, shutters)" },
    Heading { heading: 3926, en: "Other articles of plastics and of other materials of 3901 to 3914" },

    // Chapter 40
    Heading { heading: 4001, en: "Natural rubber, balata, gutta-percha, guayule, chicle and similar natural gums, in primary forms or in plates, sheets or strip" },
    Heading { heading: 4002, en: "Synthetic rubber and factice derived from oils, in primary forms or in plates, sheets or strip; mixtures with natural rubber" },
    Heading { heading: 4003, en: "Reclaimed rubber, in primary forms or in plates, sheets or strip" },
    Heading { heading: 4004, en: "Waste, parings and scrap of soft rubber; powders and granules obtained from them" },
    Heading { heading: 4005, en: "Compounded rubber, unvulcanised, in primary forms or in plates, sheets or strip" },
    Heading { heading: 4006, en: "Other forms (e.g. rods, tubes, profile shapes) and articles (e.g. discs, rings) of unvulcanised rubber" },
    Heading { heading: 4007, en: "Vulcanised rubber thread and cord" },
    Heading { heading: 4008, en: "Plates, sheets, strip, rods and profile shapes of soft vulcanised rubber" },
    Heading { heading: 4009, en: "Tubes, pipes and hoses of soft vulcanised rubber, with or without fittings" },
    Heading { heading: 4010, en: "Conveyor or transmission belts or belting of vulcanised rubber" },
    Heading { heading: 4011, en: "New pneumatic tyres, of rubber" },
    Heading { heading: 4012, en: "Retreaded or used pneumatic tyres; solid or cushion tyres, tyre treads and tyre flaps, of rubber" },
    Heading { heading: 4013, en: "Inner tubes, of rubber" },
    Heading { heading: 4014, en: "Hygienic or pharmaceutical articles (including teats) of soft vulcanised rubber" },
    Heading { heading: 4015, en: "Articles of apparel and clothing accessories (including gloves) of soft vulcanised rubber" },
    Heading { heading: 4016, en: "Other articles of soft vulcanised rubber (e.g. gaskets, washers, seals, fenders, floor coverings)" },
    Heading { heading: 4017, en: "Hard rubber (e.g. ebonite) in all forms, including waste and scrap; articles of hard rubber" },

    // Chapter 71
    Heading { heading: 7101, en: "Pearls, natural or cultured, not strung, mounted or set (or temporarily strung for transport)" },
    Heading { heading: 7102, en: "Diamonds, whether or not worked, but not mounted or set" },
    Heading { heading: 7103, en: "Precious stones (other than diamonds) and semi-precious stones, not strung, mounted or set" },
    Heading { heading: 7104, en: "Synthetic or reconstructed precious or semi-precious stones, not strung, mounted or set" },
    Heading { heading: 7105, en: "Dust and powder of natural or synthetic precious or semi-precious stones" },
    Heading { heading: 7106, en: "Silver (including silver plated with gold or platinum), unwrought, semi-manufactured or in powder" },
    Heading { heading: 7107, en: "Base metals clad with silver, not further worked than semi-manufactured" },
    Heading { heading: 7108, en: "Gold (including gold plated with platinum), unwrought, semi-manufactured or in powder" },
    Heading { heading: 7109, en: "Base metals or silver, clad with gold, not further worked than semi-manufactured" },
    Heading { heading: 7110, en: "Platinum (including palladium, rhodium, iridium, osmium, ruthenium), unwrought, semi-manufactured or in powder" },
    Heading { heading: 7111, en: "Base metals, silver or gold, clad with platinum, not further worked than semi-manufactured" },
    Heading { heading: 7112, en: "Waste and scrap of precious metal or of metal clad with precious metal; other waste and scrap used principally for the recovery of precious metal (excluding electrical and electronic waste of 8549)" },
    Heading { heading: 7113, en: "Articles of jewellery and parts thereof, of precious metal or of metal clad with precious metal" },
    Heading { heading: 7114, en: "Articles of goldsmiths' or silversmiths' wares and parts thereof, of precious metal or of metal clad with precious metal" },
    Heading { heading: 7115, en: "Other articles of precious metal or of metal clad with precious metal (e.g. platinum catalysts)" },
    Heading { heading: 7116, en: "Articles of natural or cultured pearls, or of precious or semi-precious stones" },
    Heading { heading: 7117, en: "Imitation jewellery" },
    Heading { heading: 7118, en: "Coin" },

    // Chapter 72
    Heading { heading: 7201, en: "Pig iron and spiegeleisen in pigs, blocks or other primary forms" },
    Heading { heading: 7202, en: "Ferro-alloys" },
    Heading { heading: 7203, en: "Ferrous products from direct reduction of iron ore and other spongy ferrous products; iron of 99.94 % purity or more" },
    Heading { heading: 7204, en: "Ferrous waste and scrap; remelting scrap ingots of iron or steel" },
    Heading { heading: 7205, en: "Granules and powders of pig iron, spiegeleisen, iron or steel" },
    Heading { heading: 7206, en: "Iron and non-alloy steel in ingots or other primary forms (excluding 7203)" },
    Heading { heading: 7207, en: "Semi-finished products of iron or non-alloy steel" },
    Heading { heading: 7208, en: "Flat-rolled products of iron or non-alloy steel, 600 mm wide or more, hot-rolled, not clad, plated or coated" },
    Heading { heading: 7209, en: "Flat-rolled products of iron or non-alloy steel, 600 mm wide or more, cold-rolled, not clad, plated or coated" },
    Heading { heading: 7210, en: "Flat-rolled products of iron or non-alloy steel, 600 mm wide or more, clad, plated or coated" },
    Heading { heading: 7211, en: "Flat-rolled products of iron or non-alloy steel, less than 600 mm wide, not clad, plated or coated" },
    Heading { heading: 7212, en: "Flat-rolled products of iron or non-alloy steel, less than 600 mm wide, clad, plated or coated" },
    Heading { heading: 7213, en: "Bars and rods of iron or non-alloy steel, hot-rolled, in irregularly wound coils" },
    Heading { heading: 7214, en: "Other bars and rods of iron or non-alloy steel, not further worked than forged, hot-rolled, hot-drawn or hot-extruded" },
    Heading { heading: 7215, en: "Other bars and rods of iron or non-alloy steel (e.g. cold-formed)" },
    Heading { heading: 7216, en: "Angles, shapes and sections of iron or non-alloy steel" },
    Heading { heading: 7217, en: "Wire of iron or non-alloy steel" },
    Heading { heading: 7218, en: "Stainless steel in ingots or other primary forms; semi-finished products of stainless steel" },
    Heading { heading: 7219, en: "Flat-rolled products of stainless steel, 600 mm wide or more" },
    Heading { heading: 7220, en: "Flat-rolled products of stainless steel, less than 600 mm wide" },
    Heading { heading: 7221, en: "Bars and rods of stainless steel, hot-rolled, in irregularly wound coils" },
    Heading { heading: 7222, en: "Other bars and rods of stainless steel; angles, shapes and sections of stainless steel" },
    Heading { heading: 7223, en: "Wire of stainless steel" },
    Heading { heading: 7224, en: "Other alloy steel in ingots or other primary forms; semi-finished products of other alloy steel" },
    Heading { heading: 7225, en: "Flat-rolled products of other alloy steel, 600 mm wide or more" },
    Heading { heading: 7226, en: "Flat-rolled products of other alloy steel, less than 600 mm wide" },
    Heading { heading: 7227, en: "Bars and rods of other alloy steel, hot-rolled, in irregularly wound coils" },
    Heading { heading: 7228, en: "Other bars and rods, angles, shapes and sections of other alloy steel; hollow drill bars and rods of alloy or non-alloy steel" },
    Heading { heading: 7229, en: "Wire of other alloy steel" },

    // Chapter 73
    Heading { heading: 7301, en: "Sheet piling of iron or steel; welded angles, shapes and sections of iron or steel" },
    Heading { heading: 7302, en: "Railway or tramway track construction material of iron or steel (rails, check-rails, switch blades, crossing frogs, sleepers, fish-plates, chairs)" },
    Heading { heading: 7303, en: "Tubes, pipes and hollow profiles of cast iron" },
    Heading { heading: 7304, en: "Seamless tubes, pipes and hollow profiles of iron (other than cast iron) or steel" },
    Heading { heading: 7305, en: "Other tubes and pipes of iron or steel (e.g. welded, riveted), circular cross-section, external diameter over 406.4 mm" },
    Heading { heading: 7306, en: "Other tubes, pipes and hollow profiles of iron or steel (e.g. open seam or welded)" },
    Heading { heading: 7307, en: "Tube or pipe fittings (e.g. couplings, elbows, sleeves, flanges) of iron or steel" },
    Heading { heading: 7308, en: "Structures and parts of structures of iron or steel (e.g. bridges, towers, lattice masts, doors, windows, scaffolding); plates, rods, shapes and tubes prepared for use in structures" },
    Heading { heading: 7309, en: "Reservoirs, tanks, vats and similar containers of iron or steel, capacity over 300 l (not for compressed or liquefied gas)" },
    Heading { heading: 7310, en: "Tanks, casks, drums, cans, boxes and similar containers of iron or steel, capacity 300 l or less (not for compressed or liquefied gas)" },
    Heading { heading: 7311, en: "Containers for compressed or liquefied gas, of iron or steel" },
    Heading { heading: 7312, en: "Stranded wire, ropes, cables, plaited bands and slings of iron or steel, not electrically insulated" },
    Heading { heading: 7313, en: "Barbed wire of iron or steel; twisted hoop or flat wire for fencing" },
    Heading { heading: 7314, en: "Cloth, grill, netting and fencing of iron or steel wire; expanded metal of iron or steel" },
    Heading { heading: 7315, en: "Chain and parts thereof, of iron or steel" },
    Heading { heading: 7316, en: "Anchors, grapnels and parts thereof, of iron or steel" },
    Heading { heading: 7317, en: "Nails, tacks, drawing pins, corrugated nails, staples (not 8305) and similar articles of iron or steel" },
    Heading { heading: 7318, en: "Screws, bolts, nuts, coach screws, rivets, cotters, cotter pins, washers and similar articles of iron or steel" },
    Heading { heading: 7319, en: "Sewing and knitting needles, bodkins, crochet hooks and similar hand articles of iron or steel; safety pins and other pins" },
    Heading { heading: 7320, en: "Springs and leaves for springs, of iron or steel" },
    Heading { heading: 7321, en: "Non-electric domestic stoves, ranges, cookers, barbecues, braziers, gas-rings and plate warmers of iron or steel, and parts" },
    Heading { heading: 7322, en: "Radiators for central heating, not electrically heated, of iron or steel; non-electric air heaters and hot-air distributors; parts" },
    Heading { heading: 7323, en: "Table, kitchen or other household articles of iron or steel; iron or steel wool; pot scourers and scouring pads" },
    Heading { heading: 7324, en: "Sanitary ware and parts thereof, of iron or steel" },
    Heading { heading: 7325, en: "Other cast articles of iron or steel" },
    Heading { heading: 7326, en: "Other articles of iron or steel (e.g. forged or stamped articles, articles of wire)" },

    // Chapter 74
    Heading { heading: 7401, en: "Copper mattes; cement copper (precipitated copper)" },
    Heading { heading: 7402, en: "Unrefined copper; copper anodes for electrolytic refining" },
    Heading { heading: 7403, en: "Refined copper and copper alloys, unwrought" },
    Heading { heading: 7404, en: "Copper waste and scrap" },
    Heading { heading: 7405, en: "Master alloys of copper" },
    Heading { heading: 7406, en: "Copper powders and flakes" },
    Heading { heading: 7407, en: "Copper bars, rods and profiles" },
    Heading { heading: 7408, en: "Copper wire" },
    Heading { heading: 7409, en: "Copper plates, sheets and strip, thicker than 0.15 mm" },
    Heading { heading: 7410, en: "Copper foil, not thicker than 0.15 mm (excluding any backing)" },
    Heading { heading: 7411, en: "Copper tubes and pipes" },
    Heading { heading: 7412, en: "Copper tube or pipe fittings (e.g. couplings, elbows, sleeves)" },
    Heading { heading: 7413, en: "Stranded wire, cables, plaited bands and the like, of copper, not electrically insulated" },
    Heading { heading: 7415, en: "Nails, tacks, staples, screws, bolts, nuts, rivets, washers and similar articles of copper (or of iron or steel with copper heads)" },
    Heading { heading: 7418, en: "Table, kitchen or other household articles and sanitary ware of copper, and parts; pot scourers and scouring pads of copper" },
    Heading { heading: 7419, en: "Other articles of copper" },

    // Chapter 75
    Heading { heading: 7501, en: "Nickel mattes, nickel oxide sinters and other intermediate products of nickel metallurgy" },
    Heading { heading: 7502, en: "Unwrought nickel" },
    Heading { heading: 7503, en: "Nickel waste and scrap" },
    Heading { heading: 7504, en: "Nickel powders and flakes" },
    Heading { heading: 7505, en: "Nickel bars, rods, profiles and wire" },
    Heading { heading: 7506, en: "Nickel plates, sheets, strip and foil" },
    Heading { heading: 7507, en: "Nickel tubes, pipes and tube or pipe fittings" },
    Heading { heading: 7508, en: "Other articles of nickel" },

    // Chapter 76
    Heading { heading: 7601, en: "Unwrought aluminium" },
    Heading { heading: 7602, en: "Aluminium waste and scrap" },
    Heading { heading: 7603, en: "Aluminium powders and flakes" },
    Heading { heading: 7604, en: "Aluminium bars, rods and profiles" },
    Heading { heading: 7605, en: "Aluminium wire" },
    Heading { heading: 7606, en: "Aluminium plates, sheets and strip, thicker than 0.2 mm" },
    Heading { heading: 7607, en: "Aluminium foil, not thicker than 0.2 mm (excluding any backing)" },
    Heading { heading: 7608, en: "Aluminium tubes and pipes" },
    Heading { heading: 7609, en: "Aluminium tube or pipe fittings (e.g. couplings, elbows, sleeves)" },
    Heading { heading: 7610, en: "Aluminium structures and parts of structures (e.g. bridges, towers, doors, windows), excluding prefabricated buildings of 9406; aluminium plates, rods, profiles and tubes prepared for use in structures" },
    Heading { heading: 7611, en: "Aluminium reservoirs, tanks, vats and similar containers, capacity over 300 l (not for compressed or liquefied gas)" },
    Heading { heading: 7612, en: "Aluminium casks, drums, cans, boxes and similar containers (including tubular containers), capacity 300 l or less (not for compressed or liquefied gas)" },
    Heading { heading: 7613, en: "Aluminium containers for compressed or liquefied gas" },
    Heading { heading: 7614, en: "Stranded wire, cables, plaited bands and the like, of aluminium, not electrically insulated" },
    Heading { heading: 7615, en: "Table, kitchen or other household articles and sanitary ware of aluminium, and parts; pot scourers and scouring pads of aluminium" },
    Heading { heading: 7616, en: "Other articles of aluminium" },

    // Chapter 81
    Heading { heading: 8101, en: "Tungsten (wolfram) and articles thereof, including waste and scrap" },
    Heading { heading: 8102, en: "Molybdenum and articles thereof, including waste and scrap" },
    Heading { heading: 8103, en: "Tantalum and articles thereof, including waste and scrap" },
    Heading { heading: 8104, en: "Magnesium and articles thereof, including waste and scrap" },
    Heading { heading: 8105, en: "Cobalt mattes and other intermediate products of cobalt metallurgy; cobalt and articles thereof, including waste and scrap" },
    Heading { heading: 8106, en: "Bismuth and articles thereof, including waste and scrap" },
    Heading { heading: 8108, en: "Titanium and articles thereof, including waste and scrap" },
    Heading { heading: 8109, en: "Zirconium and articles thereof, including waste and scrap" },
    Heading { heading: 8110, en: "Antimony and articles thereof, including waste and scrap" },
    Heading { heading: 8111, en: "Manganese and articles thereof, including waste and scrap" },
    Heading { heading: 8112, en: "Beryllium, chromium, hafnium, rhenium, thallium, cadmium, germanium, vanadium, gallium, indium and niobium, and articles of these metals, including waste and scrap" },
    Heading { heading: 8113, en: "Cermets and articles thereof, including waste and scrap" },

    // Chapter 82
    Heading { heading: 8201, en: "Hand tools: spades, shovels, picks, hoes, forks, rakes, axes, bill hooks, secateurs, scythes, sickles, hedge shears and other agricultural, horticultural or forestry hand tools" },
    Heading { heading: 8202, en: "Hand saws; blades for saws of all kinds (including slitting, slotting or toothless blades)" },
    Heading { heading: 8203, en: "Files, rasps, pliers, pincers, tweezers, metal-cutting shears, pipe-cutters, bolt croppers, perforating punches and similar hand tools" },
    Heading { heading: 8204, en: "Hand-operated spanners and wrenches (including torque wrenches); interchangeable spanner sockets" },
    Heading { heading: 8205, en: "Hand tools n.e.s. (including glaziers' diamonds); blow lamps; vices and clamps; anvils; portable forges; hand- or pedal-operated grinding wheels" },
    Heading { heading: 8206, en: "Tools of two or more of 8202 to 8205, put up in sets for retail sale" },
    Heading { heading: 8207, en: "Interchangeable tools for hand tools or machine tools (e.g. for pressing, stamping, punching, drilling, boring, milling, turning); rock drilling or earth boring tools; dies for drawing or extruding metal" },
    Heading { heading: 8208, en: "Knives and cutting blades, for machines or mechanical appliances" },
    Heading { heading: 8209, en: "Plates, sticks, tips and the like for tools, unmounted, of sintered metal carbides or cermets" },
    Heading { heading: 8210, en: "Hand-operated mechanical appliances, 10 kg or less, for preparing, conditioning or serving food or drink" },
    Heading { heading: 8211, en: "Knives with cutting blades, serrated or not (other than 8208), and blades therefor" },
    Heading { heading: 8212, en: "Razors and razor blades (including razor blade blanks in strips)" },
    Heading { heading: 8213, en: "Scissors, tailors' shears and similar shears, and blades therefor" },
    Heading { heading: 8214, en: "Other articles of cutlery (e.g. hair clippers, butchers' or kitchen cleavers, paper knives); manicure or pedicure sets and instruments" },
    Heading { heading: 8215, en: "Spoons, forks, ladles, skimmers, cake-servers, fish-knives, butter-knives, sugar tongs and similar kitchen or tableware" },

    // Chapter 84
    Heading { heading: 8401, en: "Nuclear reactors; non-irradiated fuel elements (cartridges) for them; machinery and apparatus for isotopic separation" },
    Heading { heading: 8402, en: "Steam or other vapour generating boilers (not central heating boilers); super-heated water boilers" },
    Heading { heading: 8403, en: "Central heating boilers (other than those of 8402)" },
    Heading { heading: 8404, en: "Auxiliary plant for boilers of 8402 or 8403 (economisers, super-heaters, soot removers, gas recoverers); condensers for steam or vapour power units" },
    Heading { heading: 8405, en: "Producer gas or water gas generators; acetylene and similar water-process gas generators" },
    Heading { heading: 8406, en: "Steam turbines and other vapour turbines" },
    Heading { heading: 8407, en: "Spark-ignition reciprocating or rotary internal combustion piston engines" },
    Heading { heading: 8408, en: "Compression-ignition internal combustion piston engines (diesel or semi-diesel)" },
    Heading { heading: 8409, en: "Parts for engines of 8407 or 8408" },
    Heading { heading: 8410, en: "Hydraulic turbines, water wheels, and regulators therefor" },
    Heading { heading: 8411, en: "Turbo-jets, turbo-propellers and other gas turbines" },
    Heading { heading: 8412, en: "Other engines and motors (e.g. reaction engines other than turbo-jets, hydraulic and pneumatic power engines)" },
    Heading { heading: 8413, en: "Pumps for liquids, with or without measuring device; liquid elevators" },
    Heading { heading: 8414, en: "Air or vacuum pumps; air or other gas compressors and fans; hoods incorporating a fan; gas-tight biological safety cabinets" },
    Heading { heading: 8415, en: "Air conditioning machines with a motor-driven fan and elements for changing temperature and humidity" },
    Heading { heading: 8416, en: "Furnace burners for liquid fuel, pulverised solid fuel or gas; mechanical stokers and grates, mechanical ash dischargers" },
    Heading { heading: 8417, en: "Industrial or laboratory furnaces and ovens, non-electric, including incinerators" },
    Heading { heading: 8418, en: "Refrigerators, freezers and other refrigerating or freezing equipment; heat pumps other than air conditioners of 8415" },
    Heading { heading: 8419, en: "Machinery, plant or laboratory equipment for treating materials by a change of temperature (heating, cooking, distilling, drying, cooling...); non-electric instantaneous or storage water heaters" },
    Heading { heading: 8420, en: "Calendering or other rolling machines, other than for metals or glass, and cylinders therefor" },
    Heading { heading: 8421, en: "Centrifuges, including centrifugal dryers; filtering or purifying machinery and apparatus for liquids or gases" },
    Heading { heading: 8422, en: "Dish-washing machines; machinery for cleaning, drying, filling, closing, sealing, labelling or packing containers; machinery for aerating beverages" },
    Heading { heading: 8423, en: "Weighing machinery (excluding balances of 5 cg sensitivity or better), including weight-operated counting or checking machines; weights" },
    Heading { heading: 8424, en: "Mechanical appliances for projecting, dispersing or spraying liquids or powders; fire extinguishers; spray guns; steam or sand blasting machines" },
    Heading { heading: 8425, en: "Pulley tackle and hoists (other than skip hoists); winches and capstans; jacks" },
    Heading { heading: 8426, en: "Ships' derricks; cranes, including cable cranes; mobile lifting frames, straddle carriers and works trucks fitted with a crane" },
    Heading { heading: 8427, en: "Fork-lift trucks; other works trucks fitted with lifting or handling equipment" },
    Heading { heading: 8428, en: "Other lifting, handling, loading or unloading machinery (e.g. lifts, escalators, conveyors, teleferics)" },
    Heading { heading: 8429, en: "Self-propelled bulldozers, graders, scrapers, mechanical shovels, excavators, loaders, tamping machines and road rollers" },
    Heading { heading: 8430, en: "Other moving, grading, excavating, compacting, extracting or boring machinery for earth, minerals or ores; pile-drivers; snow-ploughs and snow-blowers" },
    Heading { heading: 8431, en: "Parts for machinery of 8425 to 8430" },
    Heading { heading: 8432, en: "Agricultural, horticultural or forestry machinery for soil preparation or cultivation; lawn or sports-ground rollers" },
    Heading { heading: 8433, en: "Harvesting or threshing machinery; straw or fodder balers; grass or hay mowers; machines for cleaning or grading eggs, fruit or other produce" },
    Heading { heading: 8434, en: "Milking machines and dairy machinery" },
    Heading { heading: 8435, en: "Presses, crushers and similar machinery for making wine, cider, fruit juices or similar beverages" },
    Heading { heading: 8436, en: "Other agricultural, horticultural, forestry, poultry-keeping or bee-keeping machinery; poultry incubators and brooders" },
    Heading { heading: 8437, en: "Machines for cleaning, sorting or grading seed, grain or dried legumes; machinery for the milling industry (other than farm-type)" },
    Heading { heading: 8438, en: "Machinery n.e.s. for the industrial preparation or manufacture of food or drink (not for extracting fats or oils)" },
    Heading { heading: 8439, en: "Machinery for making pulp of fibrous cellulosic material or for making or finishing paper or paperboard" },
    Heading { heading: 8440, en: "Book-binding machinery, including book-sewing machines" },
    Heading { heading: 8441, en: "Other machinery for making up paper pulp, paper or paperboard, including cutting machines of all kinds" },
    Heading { heading: 8442, en: "Machinery and equipment for preparing or making printing plates, cylinders or other printing components; plates, cylinders and lithographic stones prepared for printing" },
    Heading { heading: 8443, en: "Printing machinery using plates, cylinders or other printing components; other printers, copying machines and facsimile machines; parts and accessories" },
    Heading { heading: 8444, en: "Machines for extruding, drawing, texturing or cutting man-made textile materials" },
    Heading { heading: 8445, en: "Machines for preparing textile fibres; spinning, doubling or twisting machines; textile reeling or winding machines" },
    Heading { heading: 8446, en: "Weaving machines (looms)" },
    Heading { heading: 8447, en: "Knitting, stitch-bonding and tufting machines; machines for making gimped yarn, tulle, lace, embroidery, trimmings, braid or net" },
    Heading { heading: 8448, en: "Auxiliary machinery for machines of 8444 to 8447 (e.g. dobbies, jacquards); parts and accessories of textile machines of 8444 to 8447" },
    Heading { heading: 8449, en: "Machinery for making or finishing felt or nonwovens, including for felt hats; blocks for making hats" },
    Heading { heading: 8450, en: "Household or laundry-type washing machines, including washer-dryers" },
    Heading { heading: 8451, en: "Machinery (not 8450) for washing, cleaning, drying, ironing, dyeing, finishing, coating or impregnating textile yarns, fabrics or made-up articles" },
    Heading { heading: 8452, en: "Sewing machines (not book-sewing machines of 8440); furniture and covers for sewing machines; sewing machine needles" },
    Heading { heading: 8453, en: "Machinery for preparing, tanning or working hides, skins or leather, or for making or repairing footwear or leather articles (not sewing machines)" },
    Heading { heading: 8454, en: "Converters, ladles, ingot moulds and casting machines for metallurgy or metal foundries" },
    Heading { heading: 8455, en: "Metal-rolling mills and rolls therefor" },
    Heading { heading: 8456, en: "Machine tools working by removal of material by laser, light or photon beam, ultrasonic, electro-discharge, electro-chemical, electron beam, ionic beam or plasma arc; water-jet cutting machines" },
    Heading { heading: 8457, en: "Machining centres, unit construction machines (single station) and multi-station transfer machines, for working metal" },
    Heading { heading: 8458, en: "Lathes (including turning centres) for removing metal" },
    Heading { heading: 8459, en: "Machine tools for drilling, boring, milling, threading or tapping metal by removing material (other than lathes of 8458)" },
    Heading { heading: 8460, en: "Machine tools for deburring, sharpening, grinding, honing, lapping or polishing metal or cermets by means of grinding stones, abrasives or polishing products" },
    Heading { heading: 8461, en: "Machine tools for planing, shaping, slotting, broaching, gear cutting, gear grinding or gear finishing, sawing, cutting-off and other metal removal n.e.s." },
    Heading { heading: 8462, en: "Machine tools (including presses) for forging, hammering, die forging, bending, folding, straightening, shearing, punching or notching metal; presses for working metal or metal carbides n.e.s." },
    Heading { heading: 8463, en: "Other machine tools for working metal or cermets without removing material (e.g. drawing, riveting, wire-making)" },
    Heading { heading: 8464, en: "Machine tools for working stone, ceramics, concrete, asbestos-cement or similar mineral materials, or for cold-working glass" },
    Heading { heading: 8465, en: "Machine tools (including for nailing, stapling, gluing or assembling) for working wood, cork, bone, hard rubber, hard plastics or similar hard materials" },
    Heading { heading: 8466, en: "Parts and accessories for machine tools of 8456 to 8465, including work and tool holders, self-opening dieheads and dividing heads; tool holders for hand tools" },
    Heading { heading: 8467, en: "Tools for working in the hand, pneumatic, hydraulic or with self-contained electric or non-electric motor" },
    Heading { heading: 8468, en: "Machinery and apparatus for soldering, brazing or welding (not electric, see 8515); gas-operated surface tempering machines" },
    Heading { heading: 8470, en: "Calculating machines and pocket-size data recording, reproducing and displaying machines with calculating functions; accounting, postage-franking and ticket-issuing machines with a calculating device; cash registers" },
    Heading { heading: 8471, en: "Automatic data-processing machines and units thereof; magnetic or optical readers; machines for transcribing and processing coded data" },
    Heading { heading: 8472, en: "Other office machines (e.g. duplicators, addressing machines, banknote dispensers, coin-sorting, pencil-sharpening, stapling machines)" },
    Heading { heading: 8473, en: "Parts and accessories for machines of 8470 to 8472" },
    Heading { heading: 8474, en: "Machinery for sorting, screening, washing, crushing, grinding, mixing or kneading earth, stone, ores or other minerals; agglomerating and moulding machinery for mineral products" },
    Heading { heading: 8475, en: "Machines for assembling lamps, tubes or valves in glass envelopes; machines for manufacturing or hot-working glass or glassware" },
    Heading { heading: 8476, en: "Automatic goods-vending machines, including money-changing machines" },
    Heading { heading: 8477, en: "Machinery for working rubber or plastics or for making products from them, n.e.s. (e.g. injection-moulding, extruders)" },
    Heading { heading: 8478, en: "Machinery for preparing or making up tobacco, n.e.s." },
    Heading { heading: 8479, en: "Machines and mechanical appliances having individual functions, n.e.s. in chapter 84" },
    Heading { heading: 8480, en: "Moulding boxes for metal foundry; mould bases; moulding patterns; moulds for metal (not ingot moulds), metal carbides, glass, mineral materials, rubber or plastics" },
    Heading { heading: 8481, en: "Taps, cocks, valves and similar appliances for pipes, boiler shells, tanks or vats, including pressure-reducing and thermostatically controlled valves" },
    Heading { heading: 8482, en: "Ball or roller bearings" },
    Heading { heading: 8483, en: "Transmission shafts and cranks; bearing housings and plain shaft bearings; gears and gearing; ball or roller screws; gear boxes; flywheels and pulleys; clutches and shaft couplings" },
    Heading { heading: 8484, en: "Gaskets and similar joints of metal sheeting combined with other material or of layered metal; sets of gaskets of differing composition; mechanical seals" },
    Heading { heading: 8485, en: "Machines for additive manufacturing (3D printers)" },
    Heading { heading: 8486, en: "Machines and apparatus for manufacturing semiconductor boules or wafers, semiconductor devices, electronic integrated circuits or flat panel displays; machines of chapter 84 note 11(C); parts and accessories" },
    Heading { heading: 8487, en: "Machinery parts without electrical connectors, insulators, coils or contacts, n.e.s. in chapter 84" },

    // Chapter 85
    Heading { heading: 8501, en: "Electric motors and generators (excluding generating sets)" },
    Heading { heading: 8502, en: "Electric generating sets and rotary converters" },
    Heading { heading: 8503, en: "Parts for machines of 8501 or 8502" },
    Heading { heading: 8504, en: "Electrical transformers, static converters (e.g. rectifiers) and inductors" },
    Heading { heading: 8505, en: "Electro-magnets; permanent magnets; electro-magnetic or permanent magnet chucks and work holders; electro-magnetic couplings, clutches, brakes and lifting heads" },
    Heading { heading: 8506, en: "Primary cells and primary batteries" },
    Heading { heading: 8507, en: "Electric accumulators (rechargeable batteries), including separators therefor" },
    Heading { heading: 8508, en: "Vacuum cleaners" },
    Heading { heading: 8509, en: "Electro-mechanical domestic appliances with self-contained electric motor (not vacuum cleaners)" },
    Heading { heading: 8510, en: "Shavers, hair clippers and hair-removing appliances, with self-contained electric motor" },
    Heading { heading: 8511, en: "Electrical ignition or starting equipment for internal combustion engines (e.g. magnetos, spark plugs, starter motors); generators and cut-outs used with such engines" },
    Heading { heading: 8512, en: "Electrical lighting or signalling equipment (not 8539), windscreen wipers, defrosters and demisters, for cycles or motor vehicles" },
    Heading { heading: 8513, en: "Portable electric lamps with their own source of energy (e.g. batteries), other than lighting equipment of 8512" },
    Heading { heading: 8514, en: "Industrial or laboratory electric furnaces and ovens, including induction or dielectric loss types; other equipment for heat treatment by induction or dielectric loss" },
    Heading { heading: 8515, en: "Electric, laser, light or photon beam, ultrasonic, electron beam, magnetic pulse or plasma arc soldering, brazing or welding machines; machines for hot spraying of metals or cermets" },
    Heading { heading: 8516, en: "Electric water heaters and immersion heaters; space and soil heaters; electro-thermic hairdressing apparatus and hand dryers; electric irons; microwave ovens; other domestic electro-thermic appliances; heating resistors" },
    Heading { heading: 8517, en: "Telephone sets, including smartphones and other telephones for cellular or wireless networks; other apparatus for transmitting or receiving voice, images or data, including network equipment (switching and routing)" },
    Heading { heading: 8518, en: "Microphones; loudspeakers; headphones and earphones; audio-frequency electric amplifiers; electric sound amplifier sets" },
    Heading { heading: 8519, en: "Sound recording or reproducing apparatus" },
    Heading { heading: 8521, en: "Video recording or reproducing apparatus, whether or not incorporating a video tuner" },
    Heading { heading: 8522, en: "Parts and accessories for apparatus of 8519 or 8521" },
    Heading { heading: 8523, en: "Discs, tapes, solid-state non-volatile storage devices, smart cards and other media for recording sound or other phenomena, whether or not recorded" },
    Heading { heading: 8524, en: "Flat panel display modules, whether or not incorporating touch-sensitive screens" },
    Heading { heading: 8525, en: "Transmission apparatus for radio-broadcasting or television; television cameras, digital cameras and video camera recorders" },
    Heading { heading: 8526, en: "Radar apparatus, radio navigational aid apparatus and radio remote control apparatus" },
    Heading { heading: 8527, en: "Reception apparatus for radio-broadcasting" },
    Heading { heading: 8528, en: "Monitors and projectors (not incorporating television reception apparatus); reception apparatus for television" },
    Heading { heading: 8529, en: "Parts for apparatus of 8524 to 8528 (including aerials and antennae)" },
    Heading { heading: 8530, en: "Electrical signalling, safety or traffic control equipment for railways, tramways, roads, inland waterways, parking facilities, ports or airfields (not 8608)" },
    Heading { heading: 8531, en: "Electric sound or visual signalling apparatus (e.g. bells, sirens, indicator panels, burglar or fire alarms), not 8512 or 8530" },
    Heading { heading: 8532, en: "Electrical capacitors, fixed, variable or adjustable (pre-set)" },
    Heading { heading: 8533, en: "Electrical resistors (including rheostats and potentiometers), other than heating resistors" },
    Heading { heading: 8534, en: "Printed circuits" },
    Heading { heading: 8535, en: "Electrical apparatus for switching, protecting or connecting electrical circuits, for a voltage exceeding 1000 V (e.g. fuses, circuit breakers, lightning arresters)" },
    Heading { heading: 8536, en: "Electrical apparatus for switching, protecting or connecting electrical circuits, for a voltage not exceeding 1000 V (e.g. relays, switches, plugs and sockets); connectors for optical fibres" },
    Heading { heading: 8537, en: "Boards, panels, consoles, desks and cabinets equipped with apparatus of 8535 or 8536, for electric control or distribution, including numerical control apparatus" },
    Heading { heading: 8538, en: "Parts for apparatus of 8535, 8536 or 8537" },
    Heading { heading: 8539, en: "Electric filament or discharge lamps, including sealed beam units and ultraviolet or infrared lamps; arc lamps; light-emitting diode (LED) light sources" },
    Heading { heading: 8540, en: "Thermionic, cold cathode or photo-cathode valves and tubes (e.g. vacuum tubes, cathode-ray tubes, magnetrons, klystrons, microwave tubes)" },
    Heading { heading: 8541, en: "Semiconductor devices (e.g. diodes, transistors, thyristors, semiconductor-based transducers); photovoltaic cells; light-emitting diodes (LED); mounted piezo-electric crystals" },
    Heading { heading: 8542, en: "Electronic integrated circuits" },
    Heading { heading: 8543, en: "Electrical machines and apparatus having individual functions, n.e.s. in chapter 85 (e.g. particle accelerators, signal generators)" },
    Heading { heading: 8544, en: "Insulated wire, cable and other insulated electric conductors, with or without connectors; optical fibre cables of individually sheathed fibres" },
    Heading { heading: 8545, en: "Carbon electrodes, carbon brushes, lamp carbons, battery carbons and other articles of graphite or carbon for electrical purposes" },
    Heading { heading: 8546, en: "Electrical insulators of any material" },
    Heading { heading: 8547, en: "Insulating fittings for electrical machines or equipment (other than insulators of 8546); electrical conduit tubing of base metal lined with insulating material" },
    Heading { heading: 8548, en: "Electrical parts of machinery or apparatus, n.e.s. in chapter 85" },
    Heading { heading: 8549, en: "Electrical and electronic waste and scrap" },

    // Chapter 86
    Heading { heading: 8601, en: "Rail locomotives powered from an external source of electricity or by electric accumulators" },
    Heading { heading: 8602, en: "Other rail locomotives (e.g. diesel-electric); locomotive tenders" },
    Heading { heading: 8603, en: "Self-propelled railway or tramway coaches, vans and trucks (other than 8604)" },
    Heading { heading: 8604, en: "Railway or tramway maintenance or service vehicles (e.g. workshops, cranes, ballast tampers, track-liners, testing coaches, track inspection vehicles)" },
    Heading { heading: 8605, en: "Railway or tramway passenger coaches, luggage vans, post office coaches and other special purpose coaches, not self-propelled" },
    Heading { heading: 8606, en: "Railway or tramway goods vans and wagons, not self-propelled" },
    Heading { heading: 8607, en: "Parts of railway or tramway locomotives or rolling stock (e.g. bogies, axles, wheels, brakes, couplers)" },
    Heading { heading: 8608, en: "Railway or tramway track fixtures and fittings; mechanical (including electro-mechanical) signalling, safety or traffic control equipment for railways, roads, waterways, ports or airfields" },
    Heading { heading: 8609, en: "Containers (including for fluids) specially designed and equipped for carriage by one or more modes of transport" },

    // Chapter 87
    Heading { heading: 8701, en: "Tractors (other than works tractors of 8709), including road tractors for semi-trailers" },
    Heading { heading: 8702, en: "Motor vehicles for the transport of ten or more persons, including the driver (buses and coaches)" },
    Heading { heading: 8703, en: "Motor cars and other motor vehicles principally designed for the transport of persons (not 8702), including station wagons and racing cars" },
    Heading { heading: 8704, en: "Motor vehicles for the transport of goods (lorries, trucks)" },
    Heading { heading: 8705, en: "Special purpose motor vehicles (e.g. breakdown lorries, crane lorries, fire fighting vehicles, concrete mixers, mobile workshops, mobile radiological units)" },
    Heading { heading: 8706, en: "Chassis fitted with engines, for motor vehicles of 8701 to 8705" },
    Heading { heading: 8707, en: "Bodies (including cabs) for motor vehicles of 8701 to 8705" },
    Heading { heading: 8708, en: "Parts and accessories of motor vehicles of 8701 to 8705" },
    Heading { heading: 8709, en: "Self-propelled works trucks without lifting or handling equipment, for short-distance transport in factories, warehouses, docks or airports; platform tractors; parts" },
    Heading { heading: 8710, en: "Tanks and other armoured fighting vehicles, motorised, whether or not fitted with weapons, and parts of such vehicles" },
    Heading { heading: 8711, en: "Motorcycles (including mopeds) and cycles fitted with an auxiliary motor; side-cars" },
    Heading { heading: 8712, en: "Bicycles and other cycles (including delivery tricycles), not motorised" },
    Heading { heading: 8713, en: "Carriages for disabled persons, whether or not motorised" },
    Heading { heading: 8714, en: "Parts and accessories of vehicles of 8711 to 8713" },
    Heading { heading: 8715, en: "Baby carriages and parts thereof" },
    Heading { heading: 8716, en: "Trailers and semi-trailers; other vehicles, not mechanically propelled; parts thereof" },

    // Chapter 88
    Heading { heading: 8801, en: "Balloons and dirigibles; gliders, hang gliders and other non-powered aircraft" },
    Heading { heading: 8802, en: "Other aircraft (e.g. helicopters, aeroplanes), except unmanned aircraft of 8806; spacecraft (including satellites) and suborbital and spacecraft launch vehicles" },
    Heading { heading: 8804, en: "Parachutes (including dirigible parachutes and paragliders) and rotochutes; parts and accessories thereof" },
    Heading { heading: 8805, en: "Aircraft launching gear; deck-arrestor or similar gear; ground flying trainers (flight simulators); parts thereof" },
    Heading { heading: 8806, en: "Unmanned aircraft (drones)" },
    Heading { heading: 8807, en: "Parts of goods of 8801, 8802 or 8806 (e.g. propellers, rotors, undercarriages, airframe parts)" },

    // Chapter 89
    Heading { heading: 8901, en: "Cruise ships, excursion boats, ferry-boats, cargo ships, barges and similar vessels for the transport of persons or goods" },
    Heading { heading: 8902, en: "Fishing vessels; factory ships and other vessels for processing or preserving fishery products" },
    Heading { heading: 8903, en: "Yachts and other vessels for pleasure or sports; rowing boats and canoes" },
    Heading { heading: 8904, en: "Tugs and pusher craft" },
    Heading { heading: 8905, en: "Light-vessels, fire-floats, dredgers, floating cranes and other vessels whose navigability is subsidiary; floating docks; floating or submersible drilling or production platforms" },
    Heading { heading: 8906, en: "Other vessels, including warships and lifeboats other than rowing boats" },
    Heading { heading: 8907, en: "Other floating structures (e.g. rafts, tanks, coffer-dams, landing stages, buoys and beacons)" },
    Heading { heading: 8908, en: "Vessels and other floating structures for breaking up" },

    // Chapter 90
    Heading { heading: 9001, en: "Optical fibres and optical fibre bundles; optical fibre cables (not 8544); sheets of polarising material; unmounted lenses, prisms, mirrors and other optical elements (not of unworked glass)" },
    Heading { heading: 9002, en: "Mounted lenses, prisms, mirrors and other optical elements, being parts of or fittings for instruments or apparatus" },
    Heading { heading: 9003, en: "Frames and mountings for spectacles, goggles or the like, and parts thereof" },
    Heading { heading: 9004, en: "Spectacles, goggles and the like, corrective, protective or other" },
    Heading { heading: 9005, en: "Binoculars, monoculars, other optical telescopes and mountings therefor; other astronomical instruments (not for radio-astronomy)" },
    Heading { heading: 9006, en: "Photographic cameras (other than cinematographic); photographic flashlight apparatus and flashbulbs" },
    Heading { heading: 9007, en: "Cinematographic cameras and projectors" },
    Heading { heading: 9008, en: "Image projectors (other than cinematographic); photographic enlargers and reducers" },
    Heading { heading: 9010, en: "Apparatus and equipment for photographic or cinematographic laboratories n.e.s.; negatoscopes; projection screens" },
    Heading { heading: 9011, en: "Compound optical microscopes, including for photomicrography, cinephotomicrography or microprojection" },
    Heading { heading: 9012, en: "Microscopes other than optical microscopes (e.g. electron microscopes); diffraction apparatus" },
    Heading { heading: 9013, en: "Lasers, other than laser diodes; liquid crystal devices not constituting articles of other headings; other optical appliances and instruments n.e.s. in chapter 90 (e.g. telescopic sights, periscopes)" },
    Heading { heading: 9014, en: "Direction finding compasses; other navigational instruments and appliances (including aeronautical and space navigation)" },
    Heading { heading: 9015, en: "Surveying, hydrographic, oceanographic, hydrological, meteorological or geophysical instruments and appliances (excluding compasses); rangefinders" },
    Heading { heading: 9016, en: "Balances of a sensitivity of 5 cg or better, with or without weights" },
    Heading { heading: 9017, en: "Drawing, marking-out or mathematical calculating instruments; instruments for measuring length for use in the hand (e.g. rules, tapes, micrometers, callipers) n.e.s." },
    Heading { heading: 9018, en: "Instruments and appliances used in medical, surgical, dental or veterinary sciences, including scintigraphic and other electro-medical apparatus and sight-testing instruments" },
    Heading { heading: 9019, en: "Mechano-therapy and massage appliances; psychological aptitude-testing apparatus; ozone, oxygen or aerosol therapy, artificial respiration and other therapeutic respiration apparatus" },
    Heading { heading: 9020, en: "Other breathing appliances and gas masks (excluding simple protective masks without mechanical parts or replaceable filters)" },
    Heading { heading: 9021, en: "Orthopaedic appliances; splints and fracture appliances; artificial parts of the body; hearing aids and other appliances worn, carried or implanted to compensate for a defect or disability" },
    Heading { heading: 9022, en: "Apparatus based on the use of X-rays or of alpha, beta, gamma or other ionising radiations, medical or not; X-ray tubes and generators; control panels, screens, examination tables" },
    Heading { heading: 9023, en: "Instruments, apparatus and models designed for demonstration (e.g. in education or exhibitions), unsuitable for other uses" },
    Heading { heading: 9024, en: "Machines and appliances for testing the hardness, strength, compressibility, elasticity or other mechanical properties of materials" },
    Heading { heading: 9025, en: "Hydrometers and similar floating instruments, thermometers, pyrometers, barometers, hygrometers and psychrometers" },
    Heading { heading: 9026, en: "Instruments and apparatus for measuring or checking the flow, level, pressure or other variables of liquids or gases (not 9014, 9015, 9028 or 9032)" },
    Heading { heading: 9027, en: "Instruments and apparatus for physical or chemical analysis (e.g. spectrometers, gas or smoke analysis); for measuring viscosity, porosity, expansion or surface tension; for measuring heat, sound or light; microtomes" },
    Heading { heading: 9028, en: "Gas, liquid or electricity supply or production meters, including calibrating meters" },
    Heading { heading: 9029, en: "Revolution counters, production counters, taximeters, odometers, pedometers and the like; speed indicators and tachometers (not 9014 or 9015); stroboscopes" },
    Heading { heading: 9030, en: "Oscilloscopes, spectrum analysers and other instruments for measuring or checking electrical quantities (not meters of 9028); instruments for measuring or detecting ionising radiation" },
    Heading { heading: 9031, en: "Measuring or checking instruments, appliances and machines n.e.s. in chapter 90 (including for inspecting semiconductor wafers or devices); profile projectors" },
    Heading { heading: 9032, en: "Automatic regulating or controlling instruments and apparatus (e.g. thermostats, manostats)" },
    Heading { heading: 9033, en: "Parts and accessories n.e.s. for machines, appliances, instruments or apparatus of chapter 90" },

    // Chapter 93
    Heading { heading: 9301, en: "Military weapons, other than revolvers, pistols and arms of 9307" },
    Heading { heading: 9302, en: "Revolvers and pistols, other than those of 9303 or 9304" },
    Heading { heading: 9303, en: "Other firearms and similar devices operated by explosive charge (e.g. sporting shotguns and rifles, muzzle-loaders, flare pistols, captive-bolt humane killers, line-throwing guns)" },
    Heading { heading: 9304, en: "Other arms (e.g. spring, air or gas guns and pistols, truncheons), excluding those of 9307" },
    Heading { heading: 9305, en: "Parts and accessories of articles of 9301 to 9304" },
    Heading { heading: 9306, en: "Bombs, grenades, torpedoes, mines, missiles and similar munitions of war, and parts thereof; cartridges and other ammunition and projectiles, and parts thereof, including shot and cartridge wads" },
    Heading { heading: 9307, en: "Swords, cutlasses, bayonets, lances and similar arms, and parts thereof; scabbards and sheaths therefor" },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chapter_table_is_sorted_and_covers_01_to_97() {
        let numbers: Vec<u8> = CHAPTERS.iter().map(|row| row.chapter).collect();
        let expected: Vec<u8> = (1..=97).collect();
        assert_eq!(numbers, expected);
    }

    #[test]
    fn every_chapter_has_a_title_in_every_language() {
        for chapter in 1..=97 {
            for lang in Lang::ALL {
                let title = chapter_title(chapter, lang).unwrap();
                assert!(!title.trim().is_empty(), "chapter {chapter} {lang:?}");
                assert_eq!(title, title.trim(), "chapter {chapter} {lang:?} spaces");
            }
            for lang in [Lang::Ru, Lang::Kk] {
                let title = chapter_title(chapter, lang).unwrap();
                assert!(
                    !title.chars().any(|c| c.is_ascii_alphabetic()),
                    "chapter {chapter} {lang:?} title has Latin letters: {title}"
                );
            }
        }
    }

    #[test]
    fn chapters_outside_the_nomenclature_have_no_title() {
        for chapter in [0, 98, 99, 100, 255] {
            assert_eq!(chapter_title(chapter, Lang::En), None, "{chapter}");
        }
    }

    #[test]
    fn known_chapter_titles() {
        assert_eq!(chapter_title(1, Lang::En), Some("Live animals"));
        assert_eq!(chapter_title(72, Lang::Ru), Some("Чёрные металлы"));
        assert_eq!(
            chapter_title(29, Lang::Kk),
            Some("Органикалық химиялық қосылыстар")
        );
        assert!(
            chapter_title(84, Lang::En)
                .unwrap()
                .starts_with("Nuclear reactors")
        );
        assert!(
            chapter_title(85, Lang::Ru)
                .unwrap()
                .starts_with("Электрические машины")
        );
        assert!(
            chapter_title(93, Lang::Kk)
                .unwrap()
                .starts_with("Қару және оқ-дәрілер")
        );
        assert!(chapter_title(77, Lang::En).unwrap().contains("Reserved"));
    }

    #[test]
    fn heading_table_is_sorted_and_well_formed() {
        for pair in HEADINGS.windows(2) {
            assert!(
                pair[0].heading < pair[1].heading,
                "{:04} !< {:04}",
                pair[0].heading,
                pair[1].heading
            );
        }
        for row in HEADINGS {
            let chapter = row.heading / 100;
            assert!(
                (1..=97).contains(&chapter) && chapter != 77,
                "{:04}",
                row.heading
            );
            assert_ne!(
                row.heading % 100,
                0,
                "{:04} is a chapter, not a heading",
                row.heading
            );
            assert!(!row.en.trim().is_empty(), "{:04} empty", row.heading);
            assert_eq!(row.en, row.en.trim(), "{:04} spaces", row.heading);
            let full_stop = row.en.ends_with('.') && !row.en.ends_with("n.e.s.");
            assert!(!full_stop, "{:04} ends with a full stop", row.heading);
        }
    }

    /// Number of headings per chapter in HS 2022, for the chapters this table
    /// claims to cover completely. A missing or invented heading changes a
    /// count.
    const COMPLETE_CHAPTERS: [(u16, usize); 21] = [
        (28, 50),
        (29, 42),
        (38, 27),
        (39, 26),
        (40, 17),
        (71, 18),
        (72, 29),
        (73, 26),
        (74, 16),
        (75, 8),
        (76, 16),
        (81, 12),
        (82, 15),
        (84, 86),
        (85, 48),
        (86, 9),
        (87, 16),
        (88, 6),
        (89, 8),
        (90, 32),
        (93, 7),
    ];

    #[test]
    fn covered_chapters_are_complete() {
        for (chapter, count) in COMPLETE_CHAPTERS {
            let found = headings().filter(|(code, _)| code / 100 == chapter).count();
            assert_eq!(found, count, "chapter {chapter}");
        }
        let total: usize = COMPLETE_CHAPTERS.iter().map(|(_, count)| count).sum();
        assert_eq!(
            headings().count(),
            total,
            "headings outside the covered chapters"
        );
    }

    #[test]
    fn headings_that_do_not_exist_in_hs_2022_are_absent() {
        // 8469 (typewriters) and 8520 were deleted; 8803 was replaced by 8807
        // in HS 2022; 8107 (cadmium) was merged into 8112; 2838 and 2851 are
        // long gone.
        for gone in [
            "8469", "8520", "8803", "8107", "2838", "2851", "7414", "7416",
        ] {
            assert_eq!(heading_description(gone), None, "{gone}");
        }
    }

    #[test]
    fn known_headings() {
        assert_eq!(
            heading_description("8542"),
            Some("Electronic integrated circuits")
        );
        assert_eq!(heading_description("8482"), Some("Ball or roller bearings"));
        assert!(
            heading_description("8471")
                .unwrap()
                .starts_with("Automatic data-processing machines")
        );
        assert!(
            heading_description("8517")
                .unwrap()
                .starts_with("Telephone sets")
        );
        assert!(heading_description("9013").unwrap().starts_with("Lasers"));
        assert!(heading_description("8807").unwrap().contains("8806"));
        assert!(
            heading_description("8806")
                .unwrap()
                .starts_with("Unmanned aircraft")
        );
        assert!(
            heading_description("8486")
                .unwrap()
                .contains("semiconductor")
        );
        assert!(
            heading_description("8457")
                .unwrap()
                .starts_with("Machining centres")
        );
        assert!(heading_description("9306").unwrap().contains("missiles"));
        assert!(
            heading_description("2844")
                .unwrap()
                .starts_with("Radioactive")
        );
        assert!(heading_description("8110").unwrap().starts_with("Antimony"));
    }

    /// The 50 HS-6 codes of the Common High Priority List (23 Feb 2024) must
    /// all be described at heading level: they are the codes the app flags
    /// most often.
    #[test]
    fn every_chpl_code_has_a_heading_description() {
        let chpl = [
            "854231", "854232", "854233", "854239", "851762", "852691", "853221", "853224",
            "854800", "847150", "850440", "851769", "852589", "852910", "852990", "853669",
            "853690", "854110", "854121", "854129", "854130", "854149", "854151", "854159",
            "854160", "848210", "848220", "848230", "848250", "880730", "901310", "901380",
            "901420", "901480", "847180", "848610", "848620", "848640", "853400", "854320",
            "902750", "903020", "903032", "903039", "903082", "845710", "845811", "845891",
            "845961", "846693",
        ];
        assert_eq!(chpl.len(), 50);
        for code in chpl {
            let description = describe(code, Lang::Ru).unwrap();
            assert_eq!(description.level, HsLevel::Heading, "{code}");
            assert_eq!(description.text_lang, Lang::En, "{code}");
        }
    }

    #[test]
    fn heading_description_wants_exactly_four_digits() {
        for bad in [
            "",
            "8",
            "854",
            "85421",
            "854a",
            "85-42",
            "+854",
            "８５４２",
            "8542\n1",
        ] {
            assert_eq!(heading_description(bad), None, "{bad:?}");
        }
        for good in [" 8542 ", "85.42", "8542"] {
            let text = heading_description(good);
            assert_eq!(text, Some("Electronic integrated circuits"), "{good:?}");
        }
    }

    #[test]
    fn describe_prefers_the_heading_and_accepts_invoice_formats() {
        for code in [
            "8542",
            "854231",
            "8542.31",
            "8542 31 000 0",
            "85423100",
            "8542\u{a0}31\t00",
        ] {
            let description = describe(code, Lang::Kk).unwrap();
            assert_eq!(description.level, HsLevel::Heading, "{code}");
            assert_eq!(description.heading, Some(8542));
            assert_eq!(description.chapter, 85);
            assert_eq!(description.text, "Electronic integrated circuits");
            assert_eq!(description.code(), "8542");
            assert_eq!(
                description.chapter_title,
                chapter_title(85, Lang::Kk).unwrap()
            );
        }
    }

    #[test]
    fn describe_falls_back_to_the_chapter_title_in_the_requested_language() {
        let description = describe("85", Lang::Ru).unwrap();
        assert_eq!(description.level, HsLevel::Chapter);
        assert_eq!(description.heading, None);
        assert_eq!(description.text, chapter_title(85, Lang::Ru).unwrap());
        assert_eq!(description.text_lang, Lang::Ru);
        assert_eq!(description.code(), "85");

        // Heading 0101 (horses) exists but chapter 1 is covered by title only.
        let description = describe("010121", Lang::Kk).unwrap();
        assert_eq!(description.level, HsLevel::Chapter);
        assert_eq!(description.heading, Some(101));
        assert_eq!(description.text, "Тірі жануарлар");
        assert_eq!(description.code(), "01");

        // A heading number that does not exist still gets its chapter.
        let description = describe("8469", Lang::En).unwrap();
        assert_eq!(description.level, HsLevel::Chapter);
        assert_eq!(description.chapter, 84);

        assert!(
            describe("7701", Lang::En)
                .unwrap()
                .text
                .contains("Reserved")
        );
    }

    #[test]
    fn describe_rejects_what_is_not_a_commodity_code() {
        let long_digits = "8".repeat(10_000);
        let junk = [
            "",
            " ",
            "8",
            "00",
            "0012",
            "98",
            "9901",
            "x",
            "85x2",
            "85,42",
            "-8542",
            "８５",
            "85\u{0}42",
        ];
        for bad in junk {
            assert_eq!(describe(bad, Lang::En), None, "{bad:?}");
        }
        // Long but well-formed input is read by its first digits.
        assert_eq!(describe(&long_digits, Lang::En).unwrap().chapter, 88);
    }
}
