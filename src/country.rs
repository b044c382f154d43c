//! Countries as a type: ISO 3166-1 alpha-2 codes with names in English, Russian and Kazakh.
//!
//! A `Country` can only be obtained from the table below, so a misspelt code
//! is caught when a file is loaded, not when a rule silently fails to match.

use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::lang::Lang;

/// One row of the country table.
#[derive(Debug)]
struct CountryInfo {
    code: &'static str,
    en: &'static str,
    ru: &'static str,
    kk: &'static str,
}

/// ISO 3166-1 alpha-2 table, sorted by code (lookups binary-search it).
///
/// All 249 officially assigned codes plus `XK` (Kosovo), which is
/// user-assigned but used by the EU, the US and banks alike, so a counterparty
/// there must be representable. English names are the short names used by the
/// EU ("Russia", "Iran", "South Korea", "Türkiye"); Russian names follow
/// common usage close to the OKSM short names ("Киргизия", "Молдова");
/// Kazakh names are in Cyrillic, as in Kazakhstan's official documents.
/// Other spellings people type (UAE, США, Turkey, Кыргызстан) live in
/// [`ALIASES`] so the table itself stays one name per language.
#[rustfmt::skip]
static COUNTRIES: &[CountryInfo] = &[
    CountryInfo { code: "AD", en: "Andorra", ru: "Андорра", kk: "Андорра" },
    CountryInfo { code: "AE", en: "United Arab Emirates", ru: "Объединённые Арабские Эмираты", kk: "Біріккен Араб Әмірліктері" },
    CountryInfo { code: "AF", en: "Afghanistan", ru: "Афганистан", kk: "Ауғанстан" },
    CountryInfo { code: "AG", en: "Antigua and Barbuda", ru: "Антигуа и Барбуда", kk: "Антигуа және Барбуда" },
    CountryInfo { code: "AI", en: "Anguilla", ru: "Ангвилла", kk: "Ангилья" },
    CountryInfo { code: "AL", en: "Albania", ru: "Албания", kk: "Албания" },
    CountryInfo { code: "AM", en: "Armenia", ru: "Армения", kk: "Армения" },
    CountryInfo { code: "AO", en: "Angola", ru: "Ангола", kk: "Ангола" },
    CountryInfo { code: "AQ", en: "Antarctica", ru: "Антарктида", kk: "Антарктида" },
    CountryInfo { code: "AR", en: "Argentina", ru: "Аргентина", kk: "Аргентина" },
    CountryInfo { code: "AS", en: "American Samoa", ru: "Американское Самоа", kk: "Америкалық Самоа" },
    CountryInfo { code: "AT", en: "Austria", ru: "Австрия", kk: "Австрия" },
    CountryInfo { code: "AU", en: "Australia", ru: "Австралия", kk: "Австралия" },
    CountryInfo { code: "AW", en: "Aruba", ru: "Аруба", kk: "Аруба" },
    CountryInfo { code: "AX", en: "Åland Islands", ru: "Аландские острова", kk: "Аланд аралдары" },
    CountryInfo { code: "AZ", en: "Azerbaijan", ru: "Азербайджан", kk: "Әзербайжан" },
    CountryInfo { code: "BA", en: "Bosnia and Herzegovina", ru: "Босния и Герцеговина", kk: "Босния және Герцеговина" },
    CountryInfo { code: "BB", en: "Barbados", ru: "Барбадос", kk: "Барбадос" },
    CountryInfo { code: "BD", en: "Bangladesh", ru: "Бангладеш", kk: "Бангладеш" },
    CountryInfo { code: "BE", en: "Belgium", ru: "Бельгия", kk: "Бельгия" },
    CountryInfo { code: "BF", en: "Burkina Faso", ru: "Буркина-Фасо", kk: "Буркина-Фасо" },
    CountryInfo { code: "BG", en: "Bulgaria", ru: "Болгария", kk: "Болгария" },
    CountryInfo { code: "BH", en: "Bahrain", ru: "Бахрейн", kk: "Бахрейн" },
    CountryInfo { code: "BI", en: "Burundi", ru: "Бурунди", kk: "Бурунди" },
    CountryInfo { code: "BJ", en: "Benin", ru: "Бенин", kk: "Бенин" },
    CountryInfo { code: "BL", en: "Saint Barthélemy", ru: "Сен-Бартелеми", kk: "Сен-Бартелеми" },
    CountryInfo { code: "BM", en: "Bermuda", ru: "Бермудские острова", kk: "Бермуд аралдары" },
    CountryInfo { code: "BN", en: "Brunei", ru: "Бруней", kk: "Бруней" },
    CountryInfo { code: "BO", en: "Bolivia", ru: "Боливия", kk: "Боливия" },
    CountryInfo { code: "BQ", en: "Bonaire, Sint Eustatius and Saba", ru: "Бонэйр, Синт-Эстатиус и Саба", kk: "Бонайре, Синт-Эстатиус және Саба" },
    CountryInfo { code: "BR", en: "Brazil", ru: "Бразилия", kk: "Бразилия" },
    CountryInfo { code: "BS", en: "Bahamas", ru: "Багамские Острова", kk: "Багам аралдары" },
    CountryInfo { code: "BT", en: "Bhutan", ru: "Бутан", kk: "Бутан" },
    CountryInfo { code: "BV", en: "Bouvet Island", ru: "Остров Буве", kk: "Буве аралы" },
    CountryInfo { code: "BW", en: "Botswana", ru: "Ботсвана", kk: "Ботсвана" },
    CountryInfo { code: "BY", en: "Belarus", ru: "Беларусь", kk: "Беларусь" },
    CountryInfo { code: "BZ", en: "Belize", ru: "Белиз", kk: "Белиз" },
    CountryInfo { code: "CA", en: "Canada", ru: "Канада", kk: "Канада" },
    CountryInfo { code: "CC", en: "Cocos (Keeling) Islands", ru: "Кокосовые (Килинг) острова", kk: "Кокос (Килинг) аралдары" },
    CountryInfo { code: "CD", en: "Democratic Republic of the Congo", ru: "Демократическая Республика Конго", kk: "Конго Демократиялық Республикасы" },
    CountryInfo { code: "CF", en: "Central African Republic", ru: "Центральноафриканская Республика", kk: "Орталық Африка Республикасы" },
    CountryInfo { code: "CG", en: "Congo", ru: "Республика Конго", kk: "Конго Республикасы" },
    CountryInfo { code: "CH", en: "Switzerland", ru: "Швейцария", kk: "Швейцария" },
    CountryInfo { code: "CI", en: "Côte d'Ivoire", ru: "Кот-д’Ивуар", kk: "Кот-д’Ивуар" },
    CountryInfo { code: "CK", en: "Cook Islands", ru: "Острова Кука", kk: "Кук аралдары" },
    CountryInfo { code: "CL", en: "Chile", ru: "Чили", kk: "Чили" },
    CountryInfo { code: "CM", en: "Cameroon", ru: "Камерун", kk: "Камерун" },
    CountryInfo { code: "CN", en: "China", ru: "Китай", kk: "Қытай" },
    CountryInfo { code: "CO", en: "Colombia", ru: "Колумбия", kk: "Колумбия" },
    CountryInfo { code: "CR", en: "Costa Rica", ru: "Коста-Рика", kk: "Коста-Рика" },
    CountryInfo { code: "CU", en: "Cuba", ru: "Куба", kk: "Куба" },
    CountryInfo { code: "CV", en: "Cabo Verde", ru: "Кабо-Верде", kk: "Кабо-Верде" },
    CountryInfo { code: "CW", en: "Curaçao", ru: "Кюрасао", kk: "Кюрасао" },
    CountryInfo { code: "CX", en: "Christmas Island", ru: "Остров Рождества", kk: "Рождество аралы" },
    CountryInfo { code: "CY", en: "Cyprus", ru: "Кипр", kk: "Кипр" },
    CountryInfo { code: "CZ", en: "Czechia", ru: "Чехия", kk: "Чехия" },
    CountryInfo { code: "DE", en: "Germany", ru: "Германия", kk: "Германия" },
    CountryInfo { code: "DJ", en: "Djibouti", ru: "Джибути", kk: "Джибути" },
    CountryInfo { code: "DK", en: "Denmark", ru: "Дания", kk: "Дания" },
    CountryInfo { code: "DM", en: "Dominica", ru: "Доминика", kk: "Доминика" },
    CountryInfo { code: "DO", en: "Dominican Republic", ru: "Доминиканская Республика", kk: "Доминикан Республикасы" },
    CountryInfo { code: "DZ", en: "Algeria", ru: "Алжир", kk: "Алжир" },
    CountryInfo { code: "EC", en: "Ecuador", ru: "Эквадор", kk: "Эквадор" },
    CountryInfo { code: "EE", en: "Estonia", ru: "Эстония", kk: "Эстония" },
    CountryInfo { code: "EG", en: "Egypt", ru: "Египет", kk: "Мысыр" },
    CountryInfo { code: "EH", en: "Western Sahara", ru: "Западная Сахара", kk: "Батыс Сахара" },
    CountryInfo { code: "ER", en: "Eritrea", ru: "Эритрея", kk: "Эритрея" },
    CountryInfo { code: "ES", en: "Spain", ru: "Испания", kk: "Испания" },
    CountryInfo { code: "ET", en: "Ethiopia", ru: "Эфиопия", kk: "Эфиопия" },
    CountryInfo { code: "FI", en: "Finland", ru: "Финляндия", kk: "Финляндия" },
    CountryInfo { code: "FJ", en: "Fiji", ru: "Фиджи", kk: "Фиджи" },
    CountryInfo { code: "FK", en: "Falkland Islands", ru: "Фолклендские острова", kk: "Фолкленд аралдары" },
    CountryInfo { code: "FM", en: "Micronesia", ru: "Микронезия", kk: "Микронезия" },
    CountryInfo { code: "FO", en: "Faroe Islands", ru: "Фарерские острова", kk: "Фарер аралдары" },
    CountryInfo { code: "FR", en: "France", ru: "Франция", kk: "Франция" },
    CountryInfo { code: "GA", en: "Gabon", ru: "Габон", kk: "Габон" },
    CountryInfo { code: "GB", en: "United Kingdom", ru: "Великобритания", kk: "Ұлыбритания" },
    CountryInfo { code: "GD", en: "Grenada", ru: "Гренада", kk: "Гренада" },
    CountryInfo { code: "GE", en: "Georgia", ru: "Грузия", kk: "Грузия" },
    CountryInfo { code: "GF", en: "French Guiana", ru: "Французская Гвиана", kk: "Француз Гвианасы" },
    CountryInfo { code: "GG", en: "Guernsey", ru: "Гернси", kk: "Гернси" },
    CountryInfo { code: "GH", en: "Ghana", ru: "Гана", kk: "Гана" },
    CountryInfo { code: "GI", en: "Gibraltar", ru: "Гибралтар", kk: "Гибралтар" },
    CountryInfo { code: "GL", en: "Greenland", ru: "Гренландия", kk: "Гренландия" },
    CountryInfo { code: "GM", en: "Gambia", ru: "Гамбия", kk: "Гамбия" },
    CountryInfo { code: "GN", en: "Guinea", ru: "Гвинея", kk: "Гвинея" },
    CountryInfo { code: "GP", en: "Guadeloupe", ru: "Гваделупа", kk: "Гваделупа" },
    CountryInfo { code: "GQ", en: "Equatorial Guinea", ru: "Экваториальная Гвинея", kk: "Экваториалдық Гвинея" },
    CountryInfo { code: "GR", en: "Greece", ru: "Греция", kk: "Грекия" },
    CountryInfo { code: "GS", en: "South Georgia and the South Sandwich Islands", ru: "Южная Джорджия и Южные Сандвичевы острова", kk: "Оңтүстік Георгия және Оңтүстік Сандвич аралдары" },
    CountryInfo { code: "GT", en: "Guatemala", ru: "Гватемала", kk: "Гватемала" },
    CountryInfo { code: "GU", en: "Guam", ru: "Гуам", kk: "Гуам" },
    CountryInfo { code: "GW", en: "Guinea-Bissau", ru: "Гвинея-Бисау", kk: "Гвинея-Бисау" },
    CountryInfo { code: "GY", en: "Guyana", ru: "Гайана", kk: "Гайана" },
    CountryInfo { code: "HK", en: "Hong Kong", ru: "Гонконг", kk: "Гонконг" },
    CountryInfo { code: "HM", en: "Heard Island and McDonald Islands", ru: "Острова Херд и Макдональд", kk: "Херд және Макдональд аралдары" },
    CountryInfo { code: "HN", en: "Honduras", ru: "Гондурас", kk: "Гондурас" },
    CountryInfo { code: "HR", en: "Croatia", ru: "Хорватия", kk: "Хорватия" },
    CountryInfo { code: "HT", en: "Haiti", ru: "Гаити", kk: "Гаити" },
    CountryInfo { code: "HU", en: "Hungary", ru: "Венгрия", kk: "Венгрия" },
    CountryInfo { code: "ID", en: "Indonesia", ru: "Индонезия", kk: "Индонезия" },
    CountryInfo { code: "IE", en: "Ireland", ru: "Ирландия", kk: "Ирландия" },
    CountryInfo { code: "IL", en: "Israel", ru: "Израиль", kk: "Израиль" },
    CountryInfo { code: "IM", en: "Isle of Man", ru: "Остров Мэн", kk: "Мэн аралы" },
    CountryInfo { code: "IN", en: "India", ru: "Индия", kk: "Үндістан" },
    CountryInfo { code: "IO", en: "British Indian Ocean Territory", ru: "Британская территория в Индийском океане", kk: "Үнді мұхитындағы Британ аумағы" },
    CountryInfo { code: "IQ", en: "Iraq", ru: "Ирак", kk: "Ирак" },
    CountryInfo { code: "IR", en: "Iran", ru: "Иран", kk: "Иран" },
    CountryInfo { code: "IS", en: "Iceland", ru: "Исландия", kk: "Исландия" },
    CountryInfo { code: "IT", en: "Italy", ru: "Италия", kk: "Италия" },
    CountryInfo { code: "JE", en: "Jersey", ru: "Джерси", kk: "Джерси" },
    CountryInfo { code: "JM", en: "Jamaica", ru: "Ямайка", kk: "Ямайка" },
    CountryInfo { code: "JO", en: "Jordan", ru: "Иордания", kk: "Иордания" },
    CountryInfo { code: "JP", en: "Japan", ru: "Япония", kk: "Жапония" },
    CountryInfo { code: "KE", en: "Kenya", ru: "Кения", kk: "Кения" },
    CountryInfo { code: "KG", en: "Kyrgyzstan", ru: "Киргизия", kk: "Қырғызстан" },
    CountryInfo { code: "KH", en: "Cambodia", ru: "Камбоджа", kk: "Камбоджа" },
    CountryInfo { code: "KI", en: "Kiribati", ru: "Кирибати", kk: "Кирибати" },
    CountryInfo { code: "KM", en: "Comoros", ru: "Коморские Острова", kk: "Комор аралдары" },
    CountryInfo { code: "KN", en: "Saint Kitts and Nevis", ru: "Сент-Китс и Невис", kk: "Сент-Китс және Невис" },
    CountryInfo { code: "KP", en: "North Korea", ru: "Северная Корея", kk: "Солтүстік Корея" },
    CountryInfo { code: "KR", en: "South Korea", ru: "Южная Корея", kk: "Оңтүстік Корея" },
    CountryInfo { code: "KW", en: "Kuwait", ru: "Кувейт", kk: "Кувейт" },
    CountryInfo { code: "KY", en: "Cayman Islands", ru: "Каймановы острова", kk: "Кайман аралдары" },
    CountryInfo { code: "KZ", en: "Kazakhstan", ru: "Казахстан", kk: "Қазақстан" },
    CountryInfo { code: "LA", en: "Laos", ru: "Лаос", kk: "Лаос" },
    CountryInfo { code: "LB", en: "Lebanon", ru: "Ливан", kk: "Ливан" },
    CountryInfo { code: "LC", en: "Saint Lucia", ru: "Сент-Люсия", kk: "Сент-Люсия" },
    CountryInfo { code: "LI", en: "Liechtenstein", ru: "Лихтенштейн", kk: "Лихтенштейн" },
    CountryInfo { code: "LK", en: "Sri Lanka", ru: "Шри-Ланка", kk: "Шри-Ланка" },
    CountryInfo { code: "LR", en: "Liberia", ru: "Либерия", kk: "Либерия" },
    CountryInfo { code: "LS", en: "Lesotho", ru: "Лесото", kk: "Лесото" },
    CountryInfo { code: "LT", en: "Lithuania", ru: "Литва", kk: "Литва" },
    CountryInfo { code: "LU", en: "Luxembourg", ru: "Люксембург", kk: "Люксембург" },
    CountryInfo { code: "LV", en: "Latvia", ru: "Латвия", kk: "Латвия" },
    CountryInfo { code: "LY", en: "Libya", ru: "Ливия", kk: "Ливия" },
    CountryInfo { code: "MA", en: "Morocco", ru: "Марокко", kk: "Марокко" },
    CountryInfo { code: "MC", en: "Monaco", ru: "Монако", kk: "Монако" },
    CountryInfo { code: "MD", en: "Moldova", ru: "Молдова", kk: "Молдова" },
    CountryInfo { code: "ME", en: "Montenegro", ru: "Черногория", kk: "Черногория" },
    CountryInfo { code: "MF", en: "Saint Martin (French part)", ru: "Сен-Мартен (Франция)", kk: "Сен-Мартен (Франция)" },
    CountryInfo { code: "MG", en: "Madagascar", ru: "Мадагаскар", kk: "Мадагаскар" },
    CountryInfo { code: "MH", en: "Marshall Islands", ru: "Маршалловы Острова", kk: "Маршалл аралдары" },
    CountryInfo { code: "MK", en: "North Macedonia", ru: "Северная Македония", kk: "Солтүстік Македония" },
    CountryInfo { code: "ML", en: "Mali", ru: "Мали", kk: "Мали" },
    CountryInfo { code: "MM", en: "Myanmar", ru: "Мьянма", kk: "Мьянма" },
    CountryInfo { code: "MN", en: "Mongolia", ru: "Монголия", kk: "Моңғолия" },
    CountryInfo { code: "MO", en: "Macao", ru: "Макао", kk: "Макао" },
    CountryInfo { code: "MP", en: "Northern Mariana Islands", ru: "Северные Марианские острова", kk: "Солтүстік Мариана аралдары" },
    CountryInfo { code: "MQ", en: "Martinique", ru: "Мартиника", kk: "Мартиника" },
    CountryInfo { code: "MR", en: "Mauritania", ru: "Мавритания", kk: "Мавритания" },
    CountryInfo { code: "MS", en: "Montserrat", ru: "Монтсеррат", kk: "Монсеррат" },
    CountryInfo { code: "MT", en: "Malta", ru: "Мальта", kk: "Мальта" },
    CountryInfo { code: "MU", en: "Mauritius", ru: "Маврикий", kk: "Маврикий" },
    CountryInfo { code: "MV", en: "Maldives", ru: "Мальдивские Острова", kk: "Мальдив аралдары" },
    CountryInfo { code: "MW", en: "Malawi", ru: "Малави", kk: "Малави" },
    CountryInfo { code: "MX", en: "Mexico", ru: "Мексика", kk: "Мексика" },
    CountryInfo { code: "MY", en: "Malaysia", ru: "Малайзия", kk: "Малайзия" },
    CountryInfo { code: "MZ", en: "Mozambique", ru: "Мозамбик", kk: "Мозамбик" },
    CountryInfo { code: "NA", en: "Namibia", ru: "Намибия", kk: "Намибия" },
    CountryInfo { code: "NC", en: "New Caledonia", ru: "Новая Каледония", kk: "Жаңа Каледония" },
    CountryInfo { code: "NE", en: "Niger", ru: "Нигер", kk: "Нигер" },
    CountryInfo { code: "NF", en: "Norfolk Island", ru: "Остров Норфолк", kk: "Норфолк аралы" },
    CountryInfo { code: "NG", en: "Nigeria", ru: "Нигерия", kk: "Нигерия" },
    CountryInfo { code: "NI", en: "Nicaragua", ru: "Никарагуа", kk: "Никарагуа" },
    CountryInfo { code: "NL", en: "Netherlands", ru: "Нидерланды", kk: "Нидерланды" },
    CountryInfo { code: "NO", en: "Norway", ru: "Норвегия", kk: "Норвегия" },
    CountryInfo { code: "NP", en: "Nepal", ru: "Непал", kk: "Непал" },
    CountryInfo { code: "NR", en: "Nauru", ru: "Науру", kk: "Науру" },
    CountryInfo { code: "NU", en: "Niue", ru: "Ниуэ", kk: "Ниуэ" },
    CountryInfo { code: "NZ", en: "New Zealand", ru: "Новая Зеландия", kk: "Жаңа Зеландия" },
    CountryInfo { code: "OM", en: "Oman", ru: "Оман", kk: "Оман" },
    CountryInfo { code: "PA", en: "Panama", ru: "Панама", kk: "Панама" },
    CountryInfo { code: "PE", en: "Peru", ru: "Перу", kk: "Перу" },
    CountryInfo { code: "PF", en: "French Polynesia", ru: "Французская Полинезия", kk: "Француз Полинезиясы" },
    CountryInfo { code: "PG", en: "Papua New Guinea", ru: "Папуа — Новая Гвинея", kk: "Папуа — Жаңа Гвинея" },
    CountryInfo { code: "PH", en: "Philippines", ru: "Филиппины", kk: "Филиппин" },
    CountryInfo { code: "PK", en: "Pakistan", ru: "Пакистан", kk: "Пәкістан" },
    CountryInfo { code: "PL", en: "Poland", ru: "Польша", kk: "Польша" },
    CountryInfo { code: "PM", en: "Saint Pierre and Miquelon", ru: "Сен-Пьер и Микелон", kk: "Сен-Пьер және Микелон" },
    CountryInfo { code: "PN", en: "Pitcairn Islands", ru: "Острова Питкэрн", kk: "Питкэрн аралдары" },
    CountryInfo { code: "PR", en: "Puerto Rico", ru: "Пуэрто-Рико", kk: "Пуэрто-Рико" },
    CountryInfo { code: "PS", en: "Palestine", ru: "Палестина", kk: "Палестина" },
    CountryInfo { code: "PT", en: "Portugal", ru: "Португалия", kk: "Португалия" },
    CountryInfo { code: "PW", en: "Palau", ru: "Палау", kk: "Палау" },
    CountryInfo { code: "PY", en: "Paraguay", ru: "Парагвай", kk: "Парагвай" },
    CountryInfo { code: "QA", en: "Qatar", ru: "Катар", kk: "Катар" },
    CountryInfo { code: "RE", en: "Réunion", ru: "Реюньон", kk: "Реюньон" },
    CountryInfo { code: "RO", en: "Romania", ru: "Румыния", kk: "Румыния" },
    CountryInfo { code: "RS", en: "Serbia", ru: "Сербия", kk: "Сербия" },
    CountryInfo { code: "RU", en: "Russia", ru: "Россия", kk: "Ресей" },
    CountryInfo { code: "RW", en: "Rwanda", ru: "Руанда", kk: "Руанда" },
    CountryInfo { code: "SA", en: "Saudi Arabia", ru: "Саудовская Аравия", kk: "Сауд Арабиясы" },
    CountryInfo { code: "SB", en: "Solomon Islands", ru: "Соломоновы Острова", kk: "Соломон аралдары" },
    CountryInfo { code: "SC", en: "Seychelles", ru: "Сейшельские Острова", kk: "Сейшел аралдары" },
    CountryInfo { code: "SD", en: "Sudan", ru: "Судан", kk: "Судан" },
    CountryInfo { code: "SE", en: "Sweden", ru: "Швеция", kk: "Швеция" },
    CountryInfo { code: "SG", en: "Singapore", ru: "Сингапур", kk: "Сингапур" },
    CountryInfo { code: "SH", en: "Saint Helena, Ascension and Tristan da Cunha", ru: "Острова Святой Елены, Вознесения и Тристан-да-Кунья", kk: "Әулие Елена, Вознесение және Тристан-да-Кунья аралдары" },
    CountryInfo { code: "SI", en: "Slovenia", ru: "Словения", kk: "Словения" },
    CountryInfo { code: "SJ", en: "Svalbard and Jan Mayen", ru: "Шпицберген и Ян-Майен", kk: "Шпицберген және Ян-Майен" },
    CountryInfo { code: "SK", en: "Slovakia", ru: "Словакия", kk: "Словакия" },
    CountryInfo { code: "SL", en: "Sierra Leone", ru: "Сьерра-Леоне", kk: "Сьерра-Леоне" },
    CountryInfo { code: "SM", en: "San Marino", ru: "Сан-Марино", kk: "Сан-Марино" },
    CountryInfo { code: "SN", en: "Senegal", ru: "Сенегал", kk: "Сенегал" },
    CountryInfo { code: "SO", en: "Somalia", ru: "Сомали", kk: "Сомали" },
    CountryInfo { code: "SR", en: "Suriname", ru: "Суринам", kk: "Суринам" },
    CountryInfo { code: "SS", en: "South Sudan", ru: "Южный Судан", kk: "Оңтүстік Судан" },
    CountryInfo { code: "ST", en: "Sao Tome and Principe", ru: "Сан-Томе и Принсипи", kk: "Сан-Томе және Принсипи" },
    CountryInfo { code: "SV", en: "El Salvador", ru: "Сальвадор", kk: "Сальвадор" },
    CountryInfo { code: "SX", en: "Sint Maarten (Dutch part)", ru: "Синт-Мартен (Нидерланды)", kk: "Синт-Мартен (Нидерланды)" },
    CountryInfo { code: "SY", en: "Syria", ru: "Сирия", kk: "Сирия" },
    CountryInfo { code: "SZ", en: "Eswatini", ru: "Эсватини", kk: "Эсватини" },
    CountryInfo { code: "TC", en: "Turks and Caicos Islands", ru: "Острова Тёркс и Кайкос", kk: "Теркс және Кайкос аралдары" },
    CountryInfo { code: "TD", en: "Chad", ru: "Чад", kk: "Чад" },
    CountryInfo { code: "TF", en: "French Southern Territories", ru: "Французские Южные территории", kk: "Францияның Оңтүстік аумақтары" },
    CountryInfo { code: "TG", en: "Togo", ru: "Того", kk: "Того" },
    CountryInfo { code: "TH", en: "Thailand", ru: "Таиланд", kk: "Тайланд" },
    CountryInfo { code: "TJ", en: "Tajikistan", ru: "Таджикистан", kk: "Тәжікстан" },
    CountryInfo { code: "TK", en: "Tokelau", ru: "Токелау", kk: "Токелау" },
    CountryInfo { code: "TL", en: "Timor-Leste", ru: "Восточный Тимор", kk: "Шығыс Тимор" },
    CountryInfo { code: "TM", en: "Turkmenistan", ru: "Туркменистан", kk: "Түрікменстан" },
    CountryInfo { code: "TN", en: "Tunisia", ru: "Тунис", kk: "Тунис" },
    CountryInfo { code: "TO", en: "Tonga", ru: "Тонга", kk: "Тонга" },
    CountryInfo { code: "TR", en: "Türkiye", ru: "Турция", kk: "Түркия" },
    CountryInfo { code: "TT", en: "Trinidad and Tobago", ru: "Тринидад и Тобаго", kk: "Тринидад және Тобаго" },
    CountryInfo { code: "TV", en: "Tuvalu", ru: "Тувалу", kk: "Тувалу" },
    CountryInfo { code: "TW", en: "Taiwan", ru: "Тайвань", kk: "Тайвань" },
    CountryInfo { code: "TZ", en: "Tanzania", ru: "Танзания", kk: "Танзания" },
    CountryInfo { code: "UA", en: "Ukraine", ru: "Украина", kk: "Украина" },
    CountryInfo { code: "UG", en: "Uganda", ru: "Уганда", kk: "Уганда" },
    CountryInfo { code: "UM", en: "United States Minor Outlying Islands", ru: "Внешние малые острова США", kk: "АҚШ-тың сыртқы кіші аралдары" },
    CountryInfo { code: "US", en: "United States", ru: "Соединённые Штаты Америки", kk: "Америка Құрама Штаттары" },
    CountryInfo { code: "UY", en: "Uruguay", ru: "Уругвай", kk: "Уругвай" },
    CountryInfo { code: "UZ", en: "Uzbekistan", ru: "Узбекистан", kk: "Өзбекстан" },
    CountryInfo { code: "VA", en: "Holy See (Vatican City)", ru: "Ватикан", kk: "Ватикан" },
    CountryInfo { code: "VC", en: "Saint Vincent and the Grenadines", ru: "Сент-Винсент и Гренадины", kk: "Сент-Винсент және Гренадиндер" },
    CountryInfo { code: "VE", en: "Venezuela", ru: "Венесуэла", kk: "Венесуэла" },
    CountryInfo { code: "VG", en: "British Virgin Islands", ru: "Британские Виргинские острова", kk: "Британдық Виргин аралдары" },
    CountryInfo { code: "VI", en: "US Virgin Islands", ru: "Виргинские острова (США)", kk: "АҚШ Виргин аралдары" },
    CountryInfo { code: "VN", en: "Vietnam", ru: "Вьетнам", kk: "Вьетнам" },
    CountryInfo { code: "VU", en: "Vanuatu", ru: "Вануату", kk: "Вануату" },
    CountryInfo { code: "WF", en: "Wallis and Futuna", ru: "Уоллис и Футуна", kk: "Уоллис және Футуна" },
    CountryInfo { code: "WS", en: "Samoa", ru: "Самоа", kk: "Самоа" },
    CountryInfo { code: "XK", en: "Kosovo", ru: "Косово", kk: "Косово" },
    CountryInfo { code: "YE", en: "Yemen", ru: "Йемен", kk: "Йемен" },
    CountryInfo { code: "YT", en: "Mayotte", ru: "Майотта", kk: "Майотта" },
    CountryInfo { code: "ZA", en: "South Africa", ru: "Южная Африка", kk: "Оңтүстік Африка" },
    CountryInfo { code: "ZM", en: "Zambia", ru: "Замбия", kk: "Замбия" },
    CountryInfo { code: "ZW", en: "Zimbabwe", ru: "Зимбабве", kk: "Зимбабве" },
];

/// Other names people search for, as (code, name): abbreviations, former and
/// long official names. Only [`Country::search`] reads them; they are never
/// displayed, so a country still has exactly one name per language.
#[rustfmt::skip]
static ALIASES: &[(&str, &str)] = &[
    ("AE", "UAE"), ("AE", "ОАЭ"), ("AE", "БАӘ"), ("AE", "Emirates"),
    ("BO", "Plurinational State of Bolivia"),
    ("BY", "Белоруссия"), ("BY", "Belorussia"),
    ("CD", "DR Congo"), ("CD", "ДР Конго"), ("CD", "Zaire"),
    ("CG", "Republic of the Congo"), ("CG", "Congo-Brazzaville"), ("CG", "Конго"),
    ("CI", "Ivory Coast"), ("CI", "Кот-д'Ивуар"),
    ("CV", "Cape Verde"),
    ("CZ", "Czech Republic"), ("CZ", "Чешская Республика"),
    ("GB", "UK"), ("GB", "Great Britain"), ("GB", "Britain"), ("GB", "England"),
    ("GB", "Соединённое Королевство"), ("GB", "Англия"),
    ("HK", "Сянган"),
    ("IR", "Islamic Republic of Iran"), ("IR", "Persia"),
    ("KG", "Кыргызстан"), ("KG", "Kirghizia"), ("KG", "Kyrgyz Republic"),
    ("KP", "DPRK"), ("KP", "КНДР"), ("KP", "КХДР"),
    ("KR", "Korea"), ("KR", "Republic of Korea"), ("KR", "Корея"),
    ("LA", "Lao PDR"),
    ("MD", "Молдавия"), ("MD", "Republic of Moldova"),
    ("MK", "Macedonia"), ("MK", "Македония"),
    ("MM", "Burma"), ("MM", "Бирма"),
    ("NL", "Holland"), ("NL", "Голландия"),
    ("RU", "Russian Federation"), ("RU", "Российская Федерация"), ("RU", "РФ"),
    ("RU", "Ресей Федерациясы"),
    ("SY", "Syrian Arab Republic"),
    ("SZ", "Swaziland"), ("SZ", "Свазиленд"),
    ("TL", "East Timor"), ("TL", "Тимор-Лесте"),
    ("TR", "Turkey"), ("TR", "Turkiye"), ("TR", "Türkiye Cumhuriyeti"),
    ("TW", "Chinese Taipei"),
    ("TZ", "United Republic of Tanzania"),
    ("US", "USA"), ("US", "United States of America"), ("US", "America"),
    ("US", "США"), ("US", "АҚШ"),
    ("VA", "Vatican"),
    ("VE", "Bolivarian Republic of Venezuela"),
    ("VN", "Viet Nam"),
    ("ZA", "ЮАР"), ("ZA", "Южно-Африканская Республика"), ("ZA", "ОАР"),
];

/// A country identified by its ISO 3166-1 alpha-2 code.
#[derive(Clone, Copy)]
pub struct Country(&'static CountryInfo);

/// Why a string is not a country code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not an ISO 3166-1 alpha-2 country code (two letters, e.g. KZ, DE, CN)")]
pub struct UnknownCountry(pub String);

impl Country {
    /// Looks up a code, ignoring case and surrounding spaces.
    pub fn parse(code: &str) -> Result<Country, UnknownCountry> {
        let wanted = code.trim().to_ascii_uppercase();
        COUNTRIES
            .binary_search_by(|c| c.code.cmp(wanted.as_str()))
            .map(|i| Country(&COUNTRIES[i]))
            .map_err(|_| UnknownCountry(code.to_string()))
    }

    /// Whether `other` is the same country, as one pointer comparison: every
    /// `Country` refers to its code's one entry of the table (which is sorted
    /// and unique), so this is `==` (a test holds it to that) without
    /// comparing codes. For hot paths: every country-list test of the evaluator.
    #[inline]
    pub fn is(self, other: Country) -> bool {
        std::ptr::eq(self.0, other.0)
    }

    /// The two-letter code.
    pub fn code(self) -> &'static str {
        self.0.code
    }

    /// The country's name in `lang`.
    pub fn name(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.0.en,
            Lang::Ru => self.0.ru,
            Lang::Kk => self.0.kk,
        }
    }

    /// Every country in the table, by code.
    pub fn all() -> impl Iterator<Item = Country> {
        COUNTRIES.iter().map(Country)
    }

    /// Countries matching what a user typed into the country picker, best
    /// matches first.
    ///
    /// A user in Almaty may type Russian into an English interface, or a code
    /// copied from an invoice, so the query is matched against the code, the
    /// names in all three languages and common aliases ("UAE", "США",
    /// "Turkey"). Matching ignores case, accents and `ё`/`е`, so "aland"
    /// finds Åland and "турция" finds Турция. Order:
    ///
    /// 1. the code itself ("kz" → Kazakhstan);
    /// 2. the name in `lang` starts with the query;
    /// 3. a word of the name in `lang`, or any other name or alias, starts
    ///    with the query ("korea" → South Korea, North Korea);
    /// 4. the query occurs anywhere in a name or alias.
    ///
    /// Ties are broken by the name in `lang`. A blank query matches nothing:
    /// use [`Country::all`] to list everything.
    pub fn search(query: &str, lang: Lang) -> Vec<Country> {
        let wanted = fold(query.trim());
        if wanted.is_empty() {
            return Vec::new();
        }
        let mut ranked: Vec<(MatchRank, &str, Country)> = COUNTRIES
            .iter()
            .zip(search_names())
            .filter_map(|(info, names)| {
                names
                    .rank(&wanted, lang)
                    .map(|rank| (rank, names.name(lang), Country(info)))
            })
            .collect();
        ranked.sort_by(|(rank_a, name_a, _), (rank_b, name_b, _)| {
            rank_a.cmp(rank_b).then_with(|| name_a.cmp(name_b))
        });
        ranked.into_iter().map(|(_, _, country)| country).collect()
    }
}

/// A country's code, names and aliases, folded once for searching.
///
/// Folding (Unicode decomposition, lower-casing) every name on every
/// keystroke would cost more than the matching itself, so it is done once,
/// on the first search, and kept for the life of the program.
struct SearchNames {
    code: String,
    /// Indexed like [`Lang::ALL`].
    names: [String; 3],
    aliases: Vec<String>,
}

impl SearchNames {
    fn new(info: &CountryInfo) -> SearchNames {
        SearchNames {
            code: fold(info.code),
            names: [fold(info.en), fold(info.ru), fold(info.kk)],
            aliases: ALIASES
                .iter()
                .filter(|(code, _)| *code == info.code)
                .map(|(_, alias)| fold(alias))
                .collect(),
        }
    }

    fn name(&self, lang: Lang) -> &str {
        let index = match lang {
            Lang::En => 0,
            Lang::Ru => 1,
            Lang::Kk => 2,
        };
        self.names.get(index).map_or("", String::as_str)
    }

    /// How well this country matches `wanted`, an already folded, non-empty
    /// query.
    fn rank(&self, wanted: &str, lang: Lang) -> Option<MatchRank> {
        if self.code == wanted {
            return Some(MatchRank::Code);
        }
        let own = self.name(lang);
        if own.starts_with(wanted) {
            return Some(MatchRank::NamePrefix);
        }
        let others = Lang::ALL
            .into_iter()
            .filter(|other| *other != lang)
            .map(|other| self.name(other))
            .chain(self.aliases.iter().map(String::as_str));
        // Most countries do not match at all; one substring pass rules them
        // out before the costlier word-by-word checks.
        if !own.contains(wanted) && !others.clone().any(|name| name.contains(wanted)) {
            return None;
        }
        // Whole-name prefix too, for queries with spaces ("united ar").
        let word_prefix = |name: &str| {
            name.starts_with(wanted)
                || name
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|word| word.starts_with(wanted))
        };
        if word_prefix(own) || others.into_iter().any(word_prefix) {
            return Some(MatchRank::OtherPrefix);
        }
        Some(MatchRank::Substring)
    }
}

/// The folded names of [`COUNTRIES`], in the same order.
fn search_names() -> &'static [SearchNames] {
    static NAMES: OnceLock<Vec<SearchNames>> = OnceLock::new();
    NAMES.get_or_init(|| COUNTRIES.iter().map(SearchNames::new).collect())
}

/// How a country matched a search; earlier variants sort first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum MatchRank {
    Code,
    NamePrefix,
    OtherPrefix,
    Substring,
}

/// Reduces a name or query to the form search compares: lower case, accents
/// and other combining marks removed (so `ё` equals `е` and `Å` equals `a`),
/// typographic apostrophes made plain.
///
/// Kazakh letters such as `қ`, `ә`, `ү` are separate letters, not accented
/// ones, and are kept: `Қазақстан` is not `Казахстан` spelt loosely.
fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;

    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

impl PartialEq for Country {
    fn eq(&self, other: &Self) -> bool {
        self.0.code == other.0.code
    }
}
impl Eq for Country {}
impl std::hash::Hash for Country {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.code.hash(state)
    }
}
impl PartialOrd for Country {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Country {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.code.cmp(other.0.code)
    }
}
impl fmt::Debug for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Country({})", self.0.code)
    }
}
impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.code)
    }
}
impl std::str::FromStr for Country {
    type Err = UnknownCountry;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Country::parse(s)
    }
}
impl Serialize for Country {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0.code)
    }
}
impl<'de> Deserialize<'de> for Country {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Country::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_unique() {
        for pair in COUNTRIES.windows(2) {
            assert!(
                pair[0].code < pair[1].code,
                "{} !< {}",
                pair[0].code,
                pair[1].code
            );
        }
    }

    #[test]
    fn identity_is_equality() {
        for a in Country::all() {
            for b in Country::all() {
                assert_eq!(a.is(b), a == b, "{a} {b}");
            }
        }
        let parsed = [Country::parse("kz"), Country::parse(" KZ")];
        assert!(matches!(parsed, [Ok(a), Ok(b)] if a.is(b)));
        let found = Country::search("Kazakhstan", Lang::En);
        assert!(
            found
                .iter()
                .any(|c| parsed[0].as_ref().is_ok_and(|p| p.is(*c)))
        );
    }

    #[test]
    fn parses_case_insensitively_and_rejects_unknown() {
        assert_eq!(Country::parse(" kz ").unwrap().code(), "KZ");
        assert!(Country::parse("XX").is_err());
        assert!(Country::parse("").is_err());
        assert_eq!(Country::parse("RU").unwrap().name(Lang::Kk), "Ресей");
    }

    #[test]
    fn table_is_complete() {
        // 249 officially assigned codes plus XK.
        assert_eq!(COUNTRIES.len(), 250);
        for code in ["AX", "BQ", "CW", "SS", "SX", "XK", "ZW"] {
            assert!(Country::parse(code).is_ok(), "{code} missing");
        }
    }

    #[test]
    fn every_code_is_two_ascii_capitals_and_every_name_is_filled() {
        for c in Country::all() {
            let code = c.code();
            assert!(
                code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()),
                "bad code {code:?}"
            );
            for lang in Lang::ALL {
                let name = c.name(lang);
                assert!(!name.trim().is_empty(), "{code} has no {lang:?} name");
                assert_eq!(name, name.trim(), "{code} {lang:?} name has stray spaces");
            }
        }
    }

    #[test]
    fn russian_and_kazakh_names_are_cyrillic() {
        let latin = |s: &str| s.chars().any(|c| c.is_ascii_alphabetic());
        for c in Country::all() {
            assert!(
                !latin(c.name(Lang::Ru)),
                "{} ru: {}",
                c.code(),
                c.name(Lang::Ru)
            );
            assert!(
                !latin(c.name(Lang::Kk)),
                "{} kk: {}",
                c.code(),
                c.name(Lang::Kk)
            );
        }
    }

    #[test]
    fn no_two_countries_share_a_name_in_one_language() {
        for lang in Lang::ALL {
            let mut seen = std::collections::HashMap::new();
            for c in Country::all() {
                if let Some(other) = seen.insert(c.name(lang), c.code()) {
                    panic!(
                        "{other} and {} are both {:?} in {lang:?}",
                        c.code(),
                        c.name(lang)
                    );
                }
            }
        }
    }

    #[test]
    fn known_names_in_all_three_languages() {
        let cases = [
            ("RU", "Russia", "Россия", "Ресей"),
            ("BY", "Belarus", "Беларусь", "Беларусь"),
            ("KZ", "Kazakhstan", "Казахстан", "Қазақстан"),
            ("KG", "Kyrgyzstan", "Киргизия", "Қырғызстан"),
            ("AM", "Armenia", "Армения", "Армения"),
            (
                "AE",
                "United Arab Emirates",
                "Объединённые Арабские Эмираты",
                "Біріккен Араб Әмірліктері",
            ),
            ("TR", "Türkiye", "Турция", "Түркия"),
            ("CN", "China", "Китай", "Қытай"),
            ("HK", "Hong Kong", "Гонконг", "Гонконг"),
            ("UZ", "Uzbekistan", "Узбекистан", "Өзбекстан"),
            ("TJ", "Tajikistan", "Таджикистан", "Тәжікстан"),
            ("AZ", "Azerbaijan", "Азербайджан", "Әзербайжан"),
            ("GE", "Georgia", "Грузия", "Грузия"),
            ("JP", "Japan", "Япония", "Жапония"),
            ("IN", "India", "Индия", "Үндістан"),
            ("IR", "Iran", "Иран", "Иран"),
            ("MN", "Mongolia", "Монголия", "Моңғолия"),
            ("FR", "France", "Франция", "Франция"),
            ("GB", "United Kingdom", "Великобритания", "Ұлыбритания"),
            (
                "US",
                "United States",
                "Соединённые Штаты Америки",
                "Америка Құрама Штаттары",
            ),
            ("KR", "South Korea", "Южная Корея", "Оңтүстік Корея"),
            ("XK", "Kosovo", "Косово", "Косово"),
        ];
        for (code, en, ru, kk) in cases {
            let c = Country::parse(code).unwrap();
            assert_eq!(c.name(Lang::En), en, "{code} en");
            assert_eq!(c.name(Lang::Ru), ru, "{code} ru");
            assert_eq!(c.name(Lang::Kk), kk, "{code} kk");
        }
    }

    #[test]
    fn every_alias_names_a_known_country() {
        for (code, alias) in ALIASES {
            assert!(
                Country::parse(code).is_ok(),
                "alias {alias:?} points at {code}"
            );
            assert!(!alias.trim().is_empty());
        }
    }

    fn codes(found: &[Country]) -> Vec<&'static str> {
        found.iter().map(|c| c.code()).collect()
    }

    #[test]
    fn search_puts_the_exact_code_first() {
        let found = Search::codes("kz", Lang::En);
        assert_eq!(found.first(), Some(&"KZ"));
        // "am" is Armenia's code but also begins "American Samoa".
        let found = Search::codes("AM", Lang::En);
        assert_eq!(found.first(), Some(&"AM"));
        assert!(found.contains(&"AS"));
    }

    #[test]
    fn search_prefers_prefix_of_the_name_in_the_interface_language() {
        let found = Search::codes("каз", Lang::Ru);
        assert_eq!(found.first(), Some(&"KZ"));
        let found = Search::codes("kyrg", Lang::En);
        assert_eq!(found, vec!["KG"]);
        // "Ger" begins Germany; Algeria only contains it.
        let found = Search::codes("ger", Lang::En);
        let germany = found.iter().position(|c| *c == "DE").unwrap();
        let algeria = found.iter().position(|c| *c == "DZ").unwrap();
        assert!(germany < algeria, "{found:?}");
    }

    #[test]
    fn search_finds_names_in_other_languages_and_aliases() {
        assert_eq!(Search::codes("Ресей", Lang::En), vec!["RU"]);
        assert_eq!(Search::codes("Қытай", Lang::Ru), vec!["CN"]);
        assert_eq!(Search::codes("uae", Lang::En), vec!["AE"]);
        assert_eq!(Search::codes("оаэ", Lang::Kk), vec!["AE"]);
        assert!(Search::codes("turkey", Lang::En).contains(&"TR"));
        // A multi-word query in another language still counts as a prefix,
        // ahead of countries that merely contain it.
        assert_eq!(Search::codes("united arab", Lang::Ru), vec!["AE"]);
        // Name prefixes first, then word prefixes, each alphabetical.
        assert_eq!(
            Search::codes("гвинея", Lang::Ru),
            vec!["GN", "GW", "PG", "GQ"]
        );
        assert!(Search::codes("кыргызстан", Lang::Ru).contains(&"KG"));
        let korea = Search::codes("korea", Lang::En);
        assert!(korea.contains(&"KR") && korea.contains(&"KP"), "{korea:?}");
    }

    #[test]
    fn search_ignores_case_accents_and_yo() {
        // New Zealand contains "aland" too, but only as a substring.
        assert_eq!(Search::codes("ALAND", Lang::En), vec!["AX", "NZ"]);
        assert!(Search::codes("turkiye", Lang::En).contains(&"TR"));
        assert!(Search::codes("объединенные", Lang::Ru).contains(&"AE"));
        assert!(Search::codes("cote d’ivoire", Lang::En).contains(&"CI"));
    }

    #[test]
    fn search_of_nothing_finds_nothing() {
        assert!(Country::search("", Lang::En).is_empty());
        assert!(Country::search("   ", Lang::Ru).is_empty());
        assert!(Country::search("qqqzzz", Lang::Kk).is_empty());
        // Hostile input: long, control characters, lone combining marks.
        let junk = "\u{0301}\u{0000}".repeat(1000);
        assert!(Country::search(&junk, Lang::En).is_empty());
    }

    /// Search results as codes, to keep assertions short.
    struct Search;
    impl Search {
        fn codes(query: &str, lang: Lang) -> Vec<&'static str> {
            codes(&Country::search(query, lang))
        }
    }

    #[test]
    fn serde_round_trip() {
        let c = Country::parse("KG").unwrap();
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(json, "\"KG\"");
        let back: Country = serde_json::from_str(&json).unwrap();
        assert_eq!(back, c);
        assert!(serde_json::from_str::<Country>("\"ZZ\"").is_err());
    }
}
