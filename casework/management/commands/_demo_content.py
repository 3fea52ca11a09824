"""What the demo is made of: areas, centres, support services, people and report scenarios.

Modelled on the West Midlands TPRC network and the Essex HIRC network. Every organisation,
person and address here is made up; phone numbers are from Ofcom's ranges kept for drama
(0121 496 0xxx, 01632 960xxx, 07700 900xxx) and email addresses are at example.org. The national
support services are real, with their public websites and helplines.

Translations are drafts that no native speaker has reviewed.
"""

WEST_MIDLANDS = "West Midlands Police"
ESSEX = "Essex Police"

# code, name, force, relative share of reports, postcode districts, towns, local markers on.
AREAS = [
    {
        "code": "birmingham-east",
        "name": "Birmingham East",
        "force": WEST_MIDLANDS,
        "weight": 20,
        "postcodes": ["B8", "B9", "B10", "B11", "B12", "B25", "B26", "B27", "B28", "B33", "B34"],
        "towns": [
            "Small Heath",
            "Sparkbrook",
            "Sparkhill",
            "Bordesley Green",
            "Alum Rock",
            "Washwood Heath",
            "Saltley",
            "Yardley",
            "Stechford",
            "Hodge Hill",
            "Acocks Green",
            "Balsall Heath",
        ],
        "markers": ["sex_gender"],
    },
    {
        "code": "birmingham-west",
        "name": "Birmingham West",
        "force": WEST_MIDLANDS,
        "weight": 16,
        "postcodes": [
            "B1",
            "B2",
            "B3",
            "B4",
            "B5",
            "B6",
            "B7",
            "B15",
            "B16",
            "B17",
            "B18",
            "B19",
            "B20",
            "B21",
            "B29",
            "B31",
        ],
        "towns": [
            "Birmingham",
            "Ladywood",
            "Edgbaston",
            "Harborne",
            "Handsworth",
            "Lozells",
            "Aston",
            "Hockley",
            "Winson Green",
            "Selly Oak",
            "Northfield",
            "Digbeth",
        ],
        "markers": [],
    },
    {
        "code": "coventry",
        "name": "Coventry",
        "force": WEST_MIDLANDS,
        "weight": 10,
        "postcodes": ["CV1", "CV2", "CV3", "CV4", "CV5", "CV6"],
        "towns": ["Coventry", "Foleshill", "Hillfields", "Earlsdon", "Tile Hill", "Canley"],
        "markers": ["sex_gender"],
    },
    {
        "code": "wolverhampton",
        "name": "Wolverhampton",
        "force": WEST_MIDLANDS,
        "weight": 8,
        "postcodes": ["WV1", "WV2", "WV3", "WV4", "WV6", "WV10", "WV11", "WV14"],
        "towns": [
            "Wolverhampton",
            "Bilston",
            "Wednesfield",
            "Tettenhall",
            "Whitmore Reans",
            "Blakenhall",
        ],
        "markers": [],
    },
    {
        "code": "walsall",
        "name": "Walsall",
        "force": WEST_MIDLANDS,
        "weight": 7,
        "postcodes": ["WS1", "WS2", "WS3", "WS4", "WS5", "WS8", "WS9", "WV12", "WV13"],
        "towns": [
            "Walsall",
            "Willenhall",
            "Bloxwich",
            "Darlaston",
            "Aldridge",
            "Brownhills",
            "Caldmore",
        ],
        "markers": ["age"],
    },
    {
        "code": "sandwell",
        "name": "Sandwell",
        "force": WEST_MIDLANDS,
        "weight": 7,
        "postcodes": ["B64", "B65", "B66", "B67", "B68", "B69", "B70", "B71", "WS10", "DY4"],
        "towns": [
            "West Bromwich",
            "Smethwick",
            "Oldbury",
            "Tipton",
            "Wednesbury",
            "Rowley Regis",
            "Cradley Heath",
        ],
        "markers": [],
    },
    {
        "code": "dudley",
        "name": "Dudley",
        "force": WEST_MIDLANDS,
        "weight": 5,
        "postcodes": ["DY1", "DY2", "DY3", "DY5", "DY6", "DY8", "DY9", "B62", "B63"],
        "towns": [
            "Dudley",
            "Brierley Hill",
            "Stourbridge",
            "Halesowen",
            "Kingswinford",
            "Sedgley",
            "Netherton",
        ],
        "markers": ["alternative_subculture"],
    },
    {
        "code": "solihull",
        "name": "Solihull",
        "force": WEST_MIDLANDS,
        "weight": 4,
        "postcodes": ["B36", "B37", "B90", "B91", "B92", "B93", "B94"],
        "towns": [
            "Solihull",
            "Shirley",
            "Chelmsley Wood",
            "Knowle",
            "Dorridge",
            "Kingshurst",
            "Castle Bromwich",
        ],
        "markers": [],
    },
    {
        "code": "chelmsford",
        "name": "Chelmsford",
        "force": ESSEX,
        "weight": 6,
        "postcodes": ["CM1", "CM2", "CM3"],
        "towns": [
            "Chelmsford",
            "Great Baddow",
            "Springfield",
            "Writtle",
            "South Woodham Ferrers",
        ],
        "markers": [],
    },
    {
        "code": "colchester",
        "name": "Colchester",
        "force": ESSEX,
        "weight": 5,
        "postcodes": ["CO1", "CO2", "CO3", "CO4", "CO5", "CO6"],
        "towns": ["Colchester", "Wivenhoe", "Stanway", "Tiptree", "Greenstead", "Lexden"],
        "markers": ["alternative_subculture"],
    },
    {
        "code": "southend",
        "name": "Southend",
        "force": ESSEX,
        "weight": 5,
        "postcodes": ["SS0", "SS1", "SS2", "SS3", "SS9"],
        "towns": [
            "Southend-on-Sea",
            "Southend",
            "Westcliff-on-Sea",
            "Leigh-on-Sea",
            "Shoeburyness",
        ],
        "markers": ["sex_gender"],
    },
    {
        "code": "basildon",
        "name": "Basildon",
        "force": ESSEX,
        "weight": 4,
        "postcodes": ["SS12", "SS13", "SS14", "SS15", "SS16", "CM11", "CM12"],
        "towns": ["Basildon", "Pitsea", "Laindon", "Wickford", "Billericay", "Vange"],
        "markers": ["age"],
    },
    {
        "code": "harlow",
        "name": "Harlow",
        "force": ESSEX,
        "weight": 2,
        "postcodes": ["CM17", "CM18", "CM19", "CM20"],
        "towns": ["Harlow", "Old Harlow", "Potter Street", "Church Langley"],
        "markers": ["other"],
        # This area has decided NFA with an identifiable offender needs no inspector.
        "nfa_needs_authorisation": False,
    },
    {
        "code": "thurrock",
        "name": "Thurrock",
        "force": ESSEX,
        "weight": 3,
        "postcodes": ["RM15", "RM16", "RM17", "RM18", "RM19", "RM20", "SS17"],
        "towns": ["Grays", "Tilbury", "Purfleet", "Stanford-le-Hope", "Corringham"],
        "markers": [],
        "nfa_needs_authorisation": False,
        "triage_within_hours": 48,
    },
]

# West Midlands Police's positive outcome codes, mapped onto Home Office outcome types.
WEST_MIDLANDS_OUTCOME_CODES = [
    ("OC1", "Charge or summons", 1),
    ("OC2", "Caution – youth (including conditional caution)", 2),
    ("OC3", "Caution – adult (including conditional caution)", 3),
    ("OC4", "Taken into consideration", 4),
    ("OC5", "The offender has died", 5),
    ("OC6", "Penalty notice for disorder", 6),
    ("OC7", "Cannabis warning", 7),
    ("OC8", "Community resolution", 8),
    ("OC9", "Prosecution not in the public interest (CPS)", 9),
    ("OC10", "Police decision – formal action not in the public interest", 10),
]

# --- Centres ---------------------------------------------------------------------------------

# What kind of place a centre is, in every language; the description is built from it.
VENUES = {
    "mosque": {
        "en": "A mosque and community centre",
        "cy": "Mosg a chanolfan gymunedol",
        "ur": "ایک مسجد اور کمیونٹی سینٹر",
        "pa": "ਇੱਕ ਮਸਜਿਦ ਅਤੇ ਕਮਿਊਨਿਟੀ ਸੈਂਟਰ",
        "bn": "একটি মসজিদ ও কমিউনিটি সেন্টার",
        "ar": "مسجد ومركز مجتمعي",
        "ro": "O moschee și un centru comunitar",
        "pl": "Meczet i centrum społeczności lokalnej",
        "so": "Masjid iyo xarun bulsho",
        "ps": "یو جومات او ټولنیز مرکز",
    },
    "gurdwara": {
        "en": "A gurdwara (Sikh temple) and community hall",
        "cy": "Gurdwara (teml Sikhaidd) a neuadd gymunedol",
        "ur": "ایک گوردوارہ (سکھ عبادت گاہ) اور کمیونٹی ہال",
        "pa": "ਇੱਕ ਗੁਰਦੁਆਰਾ ਸਾਹਿਬ ਅਤੇ ਕਮਿਊਨਿਟੀ ਹਾਲ",
        "bn": "একটি গুরুদ্বারা (শিখ উপাসনালয়) ও কমিউনিটি হল",
        "ar": "غوردوارا (معبد للسيخ) وقاعة مجتمعية",
        "ro": "O gurdwara (templu sikh) și o sală comunitară",
        "pl": "Gurdwara (świątynia sikhijska) i sala spotkań",
        "so": "Gurdwara (macbadka Sikh-ka) iyo hool bulsho",
        "ps": "یو ګوردواره (د سیکانو عبادت ځای) او ټولنیز تالار",
    },
    "community_centre": {
        "en": "A community centre",
        "cy": "Canolfan gymunedol",
        "ur": "ایک کمیونٹی سینٹر",
        "pa": "ਇੱਕ ਕਮਿਊਨਿਟੀ ਸੈਂਟਰ",
        "bn": "একটি কমিউনিটি সেন্টার",
        "ar": "مركز مجتمعي",
        "ro": "Un centru comunitar",
        "pl": "Centrum społeczności lokalnej",
        "so": "Xarun bulsho",
        "ps": "یو ټولنیز مرکز",
    },
    "housing_office": {
        "en": "A housing office",
        "cy": "Swyddfa dai",
        "ur": "ایک ہاؤسنگ دفتر",
        "pa": "ਇੱਕ ਹਾਊਸਿੰਗ ਦਫ਼ਤਰ",
        "bn": "একটি হাউজিং অফিস",
        "ar": "مكتب إسكان",
        "ro": "Un birou pentru locuințe",
        "pl": "Biuro mieszkaniowe",
        "so": "Xafiis guryeynta",
        "ps": "د کورونو یو دفتر",
    },
    "library": {
        "en": "A public library",
        "cy": "Llyfrgell gyhoeddus",
        "ur": "ایک پبلک لائبریری",
        "pa": "ਇੱਕ ਪਬਲਿਕ ਲਾਇਬ੍ਰੇਰੀ",
        "bn": "একটি পাবলিক লাইব্রেরি",
        "ar": "مكتبة عامة",
        "ro": "O bibliotecă publică",
        "pl": "Biblioteka publiczna",
        "so": "Maktabad dadweyne",
        "ps": "یو عامه کتابتون",
    },
    "college": {
        "en": "A college student support service",
        "cy": "Gwasanaeth cymorth i fyfyrwyr coleg",
        "ur": "کالج کے طلبہ کی مدد کا شعبہ",
        "pa": "ਕਾਲਜ ਦੇ ਵਿਦਿਆਰਥੀਆਂ ਲਈ ਸਹਾਇਤਾ ਸੇਵਾ",
        "bn": "কলেজের শিক্ষার্থী সহায়তা সেবা",
        "ar": "خدمة دعم الطلاب في كلية",
        "ro": "Un serviciu de sprijin pentru studenții unui colegiu",
        "pl": "Punkt wsparcia dla uczniów college'u",
        "so": "Adeegga taageerada ardayda kulliyadda",
        "ps": "د کالج د زده کوونکو د ملاتړ خدمت",
    },
    "lgbt_centre": {
        "en": "An LGBT+ community space",
        "cy": "Gofod cymunedol LHDT+",
        "ur": "LGBT+ افراد کے لیے ایک کمیونٹی مرکز",
        "pa": "LGBT+ ਲੋਕਾਂ ਲਈ ਇੱਕ ਕਮਿਊਨਿਟੀ ਥਾਂ",
        "bn": "LGBT+ মানুষদের জন্য একটি কমিউনিটি স্থান",
        "ar": "مساحة مجتمعية لأفراد مجتمع الميم (LGBT+)",
        "ro": "Un spațiu comunitar LGBT+",
        "pl": "Miejsce spotkań społeczności LGBT+",
        "so": "Goob bulsho oo loogu talagalay dadka LGBT+",
        "ps": "د LGBT+ خلکو لپاره یو ټولنیز ځای",
    },
    "disability": {
        "en": "A disability advice and resource centre",
        "cy": "Canolfan gyngor ac adnoddau i bobl anabl",
        "ur": "معذور افراد کے لیے مشورے اور وسائل کا مرکز",
        "pa": "ਅਪੰਗ ਲੋਕਾਂ ਲਈ ਸਲਾਹ ਅਤੇ ਸਹਾਇਤਾ ਕੇਂਦਰ",
        "bn": "প্রতিবন্ধী মানুষদের জন্য পরামর্শ ও সহায়তা কেন্দ্র",
        "ar": "مركز استشارات وموارد لذوي الإعاقة",
        "ro": "Un centru de consiliere și resurse pentru persoanele cu dizabilități",
        "pl": "Centrum porad i wsparcia dla osób z niepełnosprawnościami",
        "so": "Xarun talo iyo kheyraad oo loogu talagalay dadka naafada ah",
        "ps": "د معلولو خلکو لپاره د مشورې او سرچینو مرکز",
    },
    "migrant_advice": {
        "en": "An advice centre for refugees and migrants",
        "cy": "Canolfan gyngor i ffoaduriaid a mudwyr",
        "ur": "پناہ گزینوں اور تارکینِ وطن کے لیے مشورے کا مرکز",
        "pa": "ਸ਼ਰਨਾਰਥੀਆਂ ਅਤੇ ਪਰਵਾਸੀਆਂ ਲਈ ਸਲਾਹ ਕੇਂਦਰ",
        "bn": "শরণার্থী ও অভিবাসীদের জন্য পরামর্শ কেন্দ্র",
        "ar": "مركز استشارات للاجئين والمهاجرين",
        "ro": "Un centru de consiliere pentru refugiați și migranți",
        "pl": "Punkt porad dla uchodźców i migrantów",
        "so": "Xarun talo oo loogu talagalay qaxootiga iyo muhaajiriinta",
        "ps": "د کډوالو او مهاجرینو لپاره د مشورې مرکز",
    },
    "interfaith": {
        "en": "An interfaith centre",
        "cy": "Canolfan ryng-ffydd",
        "ur": "ایک بین المذاہب مرکز",
        "pa": "ਵੱਖ-ਵੱਖ ਧਰਮਾਂ ਦਾ ਸਾਂਝਾ ਕੇਂਦਰ",
        "bn": "একটি আন্তঃধর্মীয় কেন্দ্র",
        "ar": "مركز للحوار بين الأديان",
        "ro": "Un centru interconfesional",
        "pl": "Centrum międzywyznaniowe",
        "so": "Xarun ay wadaagaan diimaha kala duwan",
        "ps": "د بېلابېلو دینونو ګډ مرکز",
    },
    "advice": {
        "en": "A community advice centre",
        "cy": "Canolfan gyngor gymunedol",
        "ur": "ایک کمیونٹی مشاورتی مرکز",
        "pa": "ਇੱਕ ਕਮਿਊਨਿਟੀ ਸਲਾਹ ਕੇਂਦਰ",
        "bn": "একটি কমিউনিটি পরামর্শ কেন্দ্র",
        "ar": "مركز استشارات مجتمعي",
        "ro": "Un centru comunitar de consiliere",
        "pl": "Lokalny punkt porad",
        "so": "Xarun talo bulsho",
        "ps": "یو ټولنیز مشورتي مرکز",
    },
}

# "<venue> in <place>." in each language; place names stay as they are written on signs.
VENUE_IN_PLACE = {
    "en": "{venue} in {place}.",
    "cy": "{venue} yn {place}.",
    "ur": "{place} میں {venue}۔",
    "pa": "{place} ਵਿੱਚ {venue}।",
    "bn": "{place} এলাকায় {venue}।",
    "ar": "{venue} في {place}.",
    "ro": "{venue} din {place}.",
    "pl": "{venue} w {place}.",
    "so": "{venue} ku yaal {place}.",
    "ps": "په {place} کې {venue}.",
}

CENTRE_OFFER = {
    "en": "Trained volunteers can help you report hate crime or a hate incident in private, and "
    "tell you where to find support. You do not have to give your name.",
    "cy": "Gall gwirfoddolwyr hyfforddedig eich helpu i roi gwybod am drosedd casineb neu "
    "ddigwyddiad casineb yn breifat, a dweud wrthych chi ble i gael cymorth. Does dim rhaid i "
    "chi roi eich enw.",
    "ur": "تربیت یافتہ رضاکار نجی طور پر نفرت پر مبنی جرم یا واقعے کی رپورٹ کرنے میں آپ کی مدد کر "
    "سکتے ہیں اور آپ کو بتا سکتے ہیں کہ مدد کہاں سے ملے گی۔ آپ کو اپنا نام بتانا ضروری نہیں۔",
    "pa": "ਸਿਖਲਾਈ ਪ੍ਰਾਪਤ ਵਲੰਟੀਅਰ ਨਫ਼ਰਤ ਭਰੇ ਜੁਰਮ ਜਾਂ ਘਟਨਾ ਦੀ ਰਿਪੋਰਟ ਨਿੱਜੀ ਤੌਰ 'ਤੇ ਕਰਨ ਵਿੱਚ "
    "ਤੁਹਾਡੀ ਮਦਦ ਕਰ ਸਕਦੇ ਹਨ ਅਤੇ ਦੱਸ ਸਕਦੇ ਹਨ ਕਿ ਸਹਾਇਤਾ ਕਿੱਥੋਂ ਮਿਲੇਗੀ। ਤੁਹਾਨੂੰ ਆਪਣਾ ਨਾਂ ਦੱਸਣ ਦੀ "
    "ਲੋੜ ਨਹੀਂ।",
    "bn": "প্রশিক্ষিত স্বেচ্ছাসেবকরা আপনাকে গোপনে ঘৃণাজনিত অপরাধ বা ঘটনার রিপোর্ট করতে সাহায্য "
    "করতে পারেন এবং কোথায় সহায়তা পাবেন তা জানাতে পারেন। আপনাকে আপনার নাম বলতে হবে না।",
    "ar": "يمكن لمتطوعين مدرَّبين مساعدتك على الإبلاغ عن جريمة كراهية أو حادثة كراهية بشكل خاص، "
    "وإخبارك أين تجد الدعم. لست مضطرًا لذكر اسمك.",
    "ro": "Voluntari instruiți vă pot ajuta să raportați în privat o infracțiune sau un incident "
    "motivat de ură și vă pot spune unde găsiți sprijin. Nu este nevoie să vă spuneți numele.",
    "pl": "Przeszkoleni wolontariusze pomogą ci w spokojnym miejscu zgłosić przestępstwo lub "
    "incydent z nienawiści i powiedzą, gdzie szukać wsparcia. Nie musisz podawać swojego "
    "imienia i nazwiska.",
    "so": "Mutadawaciin tababaran ayaa kaa caawin kara inaad si qarsoodi ah u soo sheegto dembi "
    "ama dhacdo nacayb ku salaysan, waxayna kuu sheegi karaan meesha aad taageero ka heli "
    "karto. Looma baahna inaad magacaaga sheegto.",
    "ps": "روزل شوي رضاکاران کولی شي په خصوصي ډول د کرکې پر بنسټ د جرم یا پېښې په راپور ورکولو کې "
    "له تاسو سره مرسته وکړي او تاسو ته ووایي چې ملاتړ له کومه ترلاسه کړئ. اړتیا نشته چې خپل "
    "نوم ووایاست.",
}

OPENING_HOURS = {
    "weekdays": {
        "en": "Monday to Friday, 9am to 5pm",
        "cy": "Dydd Llun i ddydd Gwener, 9am i 5pm",
        "ur": "پیر سے جمعہ، صبح 9 بجے سے شام 5 بجے تک",
        "pa": "ਸੋਮਵਾਰ ਤੋਂ ਸ਼ੁੱਕਰਵਾਰ, ਸਵੇਰੇ 9 ਵਜੇ ਤੋਂ ਸ਼ਾਮ 5 ਵਜੇ ਤੱਕ",
        "bn": "সোমবার থেকে শুক্রবার, সকাল ৯টা থেকে বিকেল ৫টা",
        "ar": "من الاثنين إلى الجمعة، من 9 صباحًا حتى 5 مساءً",
        "ro": "De luni până vineri, 9:00–17:00",
        "pl": "Od poniedziałku do piątku, 9:00–17:00",
        "so": "Isniin ilaa Jimce, 9-ka subaxnimo ilaa 5-ta galabnimo",
        "ps": "له دوشنبې تر جمعې، سهار له ۹ بجو تر ماښام ۵ بجو پورې",
    },
    "six_days": {
        "en": "Monday to Saturday, 10am to 4pm",
        "cy": "Dydd Llun i ddydd Sadwrn, 10am i 4pm",
        "ur": "پیر سے ہفتہ، صبح 10 بجے سے شام 4 بجے تک",
        "pa": "ਸੋਮਵਾਰ ਤੋਂ ਸ਼ਨੀਵਾਰ, ਸਵੇਰੇ 10 ਵਜੇ ਤੋਂ ਸ਼ਾਮ 4 ਵਜੇ ਤੱਕ",
        "bn": "সোমবার থেকে শনিবার, সকাল ১০টা থেকে বিকেল ৪টা",
        "ar": "من الاثنين إلى السبت، من 10 صباحًا حتى 4 مساءً",
        "ro": "De luni până sâmbătă, 10:00–16:00",
        "pl": "Od poniedziałku do soboty, 10:00–16:00",
        "so": "Isniin ilaa Sabti, 10-ka subaxnimo ilaa 4-ta galabnimo",
        "ps": "له دوشنبې تر شنبې، سهار له ۱۰ بجو تر ماښام ۴ بجو پورې",
    },
    "part_week": {
        "en": "Tuesday and Thursday, 10am to 2pm; Saturday, 10am to 1pm",
        "cy": "Dydd Mawrth a dydd Iau, 10am i 2pm; dydd Sadwrn, 10am i 1pm",
        "ur": "منگل اور جمعرات، صبح 10 بجے سے دوپہر 2 بجے تک؛ ہفتہ، صبح 10 بجے سے دوپہر 1 بجے تک",
        "pa": "ਮੰਗਲਵਾਰ ਅਤੇ ਵੀਰਵਾਰ, ਸਵੇਰੇ 10 ਵਜੇ ਤੋਂ ਦੁਪਹਿਰ 2 ਵਜੇ ਤੱਕ; ਸ਼ਨੀਵਾਰ, ਸਵੇਰੇ 10 ਵਜੇ ਤੋਂ ਦੁਪਹਿਰ 1 ਵਜੇ ਤੱਕ",
        "bn": "মঙ্গলবার ও বৃহস্পতিবার, সকাল ১০টা থেকে দুপুর ২টা; শনিবার, সকাল ১০টা থেকে দুপুর ১টা",
        "ar": "الثلاثاء والخميس، من 10 صباحًا حتى 2 ظهرًا؛ السبت، من 10 صباحًا حتى 1 ظهرًا",
        "ro": "Marți și joi, 10:00–14:00; sâmbătă, 10:00–13:00",
        "pl": "Wtorek i czwartek, 10:00–14:00; sobota, 10:00–13:00",
        "so": "Talaado iyo Khamiis, 10-ka subaxnimo ilaa 2-da duhurnimo; Sabti, 10-ka subaxnimo "
        "ilaa 1-da duhurnimo",
        "ps": "سه‌شنبه او پنجشنبه، سهار له ۱۰ بجو تر غرمې ۲ بجو پورې؛ شنبه، سهار له ۱۰ بجو تر "
        "غرمې ۱ بجې پورې",
    },
    "every_day": {
        "en": "Every day, 9am to 8pm",
        "cy": "Bob dydd, 9am i 8pm",
        "ur": "ہر روز، صبح 9 بجے سے رات 8 بجے تک",
        "pa": "ਹਰ ਰੋਜ਼, ਸਵੇਰੇ 9 ਵਜੇ ਤੋਂ ਰਾਤ 8 ਵਜੇ ਤੱਕ",
        "bn": "প্রতিদিন, সকাল ৯টা থেকে রাত ৮টা",
        "ar": "كل يوم، من 9 صباحًا حتى 8 مساءً",
        "ro": "În fiecare zi, 9:00–20:00",
        "pl": "Codziennie, 9:00–20:00",
        "so": "Maalin kasta, 9-ka subaxnimo ilaa 8-da habeennimo",
        "ps": "هره ورځ، سهار له ۹ بجو تر شپې ۸ بجو پورې",
    },
    "afternoons": {
        "en": "Monday, Wednesday and Friday, 1pm to 6pm",
        "cy": "Dydd Llun, dydd Mercher a dydd Gwener, 1pm i 6pm",
        "ur": "پیر، بدھ اور جمعہ، دوپہر 1 بجے سے شام 6 بجے تک",
        "pa": "ਸੋਮਵਾਰ, ਬੁੱਧਵਾਰ ਅਤੇ ਸ਼ੁੱਕਰਵਾਰ, ਦੁਪਹਿਰ 1 ਵਜੇ ਤੋਂ ਸ਼ਾਮ 6 ਵਜੇ ਤੱਕ",
        "bn": "সোমবার, বুধবার ও শুক্রবার, দুপুর ১টা থেকে সন্ধ্যা ৬টা",
        "ar": "الاثنين والأربعاء والجمعة، من 1 ظهرًا حتى 6 مساءً",
        "ro": "Luni, miercuri și vineri, 13:00–18:00",
        "pl": "Poniedziałek, środa i piątek, 13:00–18:00",
        "so": "Isniin, Arbaco iyo Jimce, 1-da duhurnimo ilaa 6-da fiidnimo",
        "ps": "دوشنبه، چهارشنبه او جمعه، د غرمې له ۱ بجې تر ماښام ۶ بجو پورې",
    },
}

# The ones marked demo_* are where the demo volunteer, coordinator and ambassador work.
CENTRES = [
    # West Midlands: third party reporting centres.
    {
        "slug": "small-heath-community-mosque",
        "name": "Small Heath Community Mosque",
        "organisation": "Small Heath Muslim Community Trust",
        "area": "birmingham-east",
        "venue": "mosque",
        "place": "Small Heath",
        "address": "151 Coventry Road",
        "town": "Birmingham",
        "postcode": "B10 0RJ",
        "languages": ["en", "ur", "ar", "bn", "so"],
        "flags": ["step_free", "private_room", "quiet_room"],
        "strands": ["religion", "race"],
        "hours": "every_day",
        "phone": "0121 496 0101",
        "lead": "Imran Qureshi",
    },
    {
        "slug": "sparkbrook-neighbourhood-centre",
        "name": "Sparkbrook Neighbourhood Centre",
        "organisation": "Sparkbrook Neighbourhood Forum",
        "area": "birmingham-east",
        "venue": "community_centre",
        "place": "Sparkbrook",
        "address": "402 Stratford Road",
        "town": "Birmingham",
        "postcode": "B11 4AB",
        "languages": ["en", "ur", "bn", "so", "ps", "ar"],
        "flags": ["step_free", "hearing_loop", "private_room"],
        "strands": ["race"],
        "hours": "weekdays",
        "phone": "0121 496 0102",
        "lead": "Nasreen Akhtar",
    },
    {
        "slug": "alum-rock-community-library",
        "name": "Alum Rock Community Library",
        "organisation": "East Birmingham Libraries",
        "area": "birmingham-east",
        "venue": "library",
        "place": "Alum Rock",
        "address": "Alum Rock Road",
        "town": "Birmingham",
        "postcode": "B8 1JB",
        "languages": ["en", "ur", "pa"],
        "flags": ["step_free", "hearing_loop", "quiet_room"],
        "strands": [],
        "hours": "six_days",
        "phone": "0121 496 0103",
        "lead": "Karen Whitehouse",
    },
    {
        "slug": "bordesley-green-housing-office",
        "name": "Bordesley Green Housing Office",
        "organisation": "Eastside Homes Housing Association",
        "area": "birmingham-east",
        "venue": "housing_office",
        "place": "Bordesley Green",
        "address": "12 Belton Parade",
        "town": "Birmingham",
        "postcode": "B9 5PL",
        "languages": ["en", "ur", "pl", "ro"],
        "flags": ["step_free", "private_room"],
        "strands": [],
        "hours": "weekdays",
        "phone": "0121 496 0104",
        "lead": "Paul Griffiths",
    },
    {
        "slug": "hurst-street-lgbt-drop-in",
        "name": "Hurst Street LGBT+ Drop-in",
        "organisation": "Birmingham Rainbow Community Network",
        "area": "birmingham-west",
        "venue": "lgbt_centre",
        "place": "Birmingham city centre",
        "address": "First floor, 38 Hurst Street",
        "town": "Birmingham",
        "postcode": "B5 4BN",
        "languages": ["en", "pl"],
        "flags": ["step_free", "private_room", "quiet_room"],
        "strands": ["sexual_orientation", "transgender"],
        "hours": "afternoons",
        "phone": "0121 496 0105",
        "lead": "Jamie Lloyd",
    },
    {
        "slug": "gurdwara-sangat-sahib-handsworth",
        "name": "Gurdwara Sangat Sahib, Handsworth",
        "organisation": "Handsworth Sikh Sangat Trust",
        "area": "birmingham-west",
        "venue": "gurdwara",
        "place": "Handsworth",
        "address": "220 Soho Road",
        "town": "Birmingham",
        "postcode": "B21 9LR",
        "languages": ["en", "pa"],
        "flags": ["step_free"],
        "strands": ["religion", "race"],
        "hours": "every_day",
        "phone": "0121 496 0106",
        "lead": "Jaswinder Kaur Bains",
    },
    {
        "slug": "lozells-somali-community-association",
        "name": "Lozells Somali Community Association",
        "organisation": "Lozells Somali Community Association",
        "area": "birmingham-west",
        "venue": "community_centre",
        "place": "Lozells",
        "address": "77 Lozells Road",
        "town": "Birmingham",
        "postcode": "B19 2TP",
        "languages": ["en", "so", "ar"],
        "flags": ["private_room"],
        "strands": ["race", "religion"],
        "hours": "part_week",
        "phone": "0121 496 0107",
        "lead": "Hodan Warsame",
    },
    {
        "slug": "foleshill-community-library",
        "name": "Foleshill Community Library",
        "organisation": "Coventry Community Libraries",
        "area": "coventry",
        "venue": "library",
        "place": "Foleshill",
        "address": "Broad Street",
        "town": "Coventry",
        "postcode": "CV6 5BG",
        "languages": ["en", "pa", "ur", "bn"],
        "flags": ["step_free", "hearing_loop"],
        "strands": [],
        "hours": "six_days",
        "phone": "01632 960201",
        "lead": "Ravinder Dhillon",
    },
    {
        "slug": "hillfields-migrant-welcome-centre",
        "name": "Hillfields Migrant Welcome Centre",
        "organisation": "Hillfields Welcome Trust",
        "area": "coventry",
        "venue": "migrant_advice",
        "place": "Hillfields",
        "address": "5 Victoria Street",
        "town": "Coventry",
        "postcode": "CV1 5LZ",
        "languages": ["en", "ar", "ps", "ro", "pl", "so"],
        "flags": ["step_free", "private_room", "quiet_room"],
        "strands": ["race"],
        "hours": "weekdays",
        "phone": "01632 960202",
        "lead": "Samira Haddad",
    },
    {
        "slug": "whitmore-reans-sikh-community-hall",
        "name": "Whitmore Reans Sikh Community Hall",
        "organisation": "Whitmore Reans Sikh Sangat",
        "area": "wolverhampton",
        "venue": "gurdwara",
        "place": "Whitmore Reans",
        "address": "Riches Street",
        "town": "Wolverhampton",
        "postcode": "WV6 0DW",
        "languages": ["en", "pa"],
        "flags": ["step_free"],
        "strands": ["religion"],
        "hours": "every_day",
        "phone": "01632 960203",
        "lead": "Kuldip Singh Sahota",
    },
    {
        "slug": "blakenhall-disability-resource-centre",
        "name": "Blakenhall Disability Resource Centre",
        "organisation": "Wolverhampton Disability Alliance",
        "area": "wolverhampton",
        "venue": "disability",
        "place": "Blakenhall",
        "address": "Dudley Road",
        "town": "Wolverhampton",
        "postcode": "WV2 3BY",
        "languages": ["en"],
        "flags": ["step_free", "hearing_loop", "bsl", "quiet_room", "private_room"],
        "strands": ["disability"],
        "hours": "weekdays",
        "phone": "01632 960204",
        "lead": "Gillian Hartshorne",
    },
    {
        "slug": "walsall-town-college-student-hub",
        "name": "Walsall Town College Student Support Hub",
        "organisation": "Walsall Town College",
        "area": "walsall",
        "venue": "college",
        "place": "Walsall",
        "address": "Wisemore Campus",
        "town": "Walsall",
        "postcode": "WS2 8ES",
        "languages": ["en", "ur", "pa", "pl", "ro"],
        "flags": ["step_free", "hearing_loop", "private_room"],
        "strands": [],
        "hours": "weekdays",
        "phone": "01632 960205",
        "lead": "Nathan Price",
    },
    {
        "slug": "caldmore-community-mosque",
        "name": "Caldmore Community Mosque",
        "organisation": "Caldmore Muslim Welfare Association",
        "area": "walsall",
        "venue": "mosque",
        "place": "Caldmore",
        "address": "Rutter Street",
        "town": "Walsall",
        "postcode": "WS1 4HN",
        "languages": ["en", "ur", "bn", "ar"],
        "flags": ["private_room"],
        "strands": ["religion"],
        "hours": "every_day",
        "phone": "01632 960206",
        "lead": "Abdul Hamid",
    },
    {
        "slug": "smethwick-community-library",
        "name": "Smethwick Community Library",
        "organisation": "Sandwell Community Libraries",
        "area": "sandwell",
        "venue": "library",
        "place": "Smethwick",
        "address": "High Street",
        "town": "Smethwick",
        "postcode": "B66 1AB",
        "languages": ["en", "pa", "pl", "ro"],
        "flags": ["step_free", "hearing_loop"],
        "strands": [],
        "hours": "six_days",
        "phone": "0121 496 0108",
        "lead": "Sunita Chahal",
    },
    {
        "slug": "tipton-housing-office",
        "name": "Tipton Housing Office",
        "organisation": "Black Country Homes Partnership",
        "area": "sandwell",
        "venue": "housing_office",
        "place": "Tipton",
        "address": "Owen Street",
        "town": "Tipton",
        "postcode": "DY4 8HE",
        "languages": ["en", "pl", "ro"],
        "flags": ["step_free", "private_room"],
        "strands": [],
        "hours": "weekdays",
        "phone": "0121 496 0109",
        "lead": "Diane Foley",
        # Paused while new staff are trained: kept, but not in the public directory.
        "is_listed": False,
    },
    {
        "slug": "dudley-town-centre-advice-hub",
        "name": "Dudley Town Centre Advice Hub",
        "organisation": "Dudley Community Advice",
        "area": "dudley",
        "venue": "advice",
        "place": "Dudley",
        "address": "Priory Street",
        "town": "Dudley",
        "postcode": "DY1 1EZ",
        "languages": ["en", "ur", "pl"],
        "flags": ["step_free", "hearing_loop", "private_room"],
        "strands": ["alternative_subculture"],
        "hours": "weekdays",
        "phone": "01632 960207",
        "lead": "Lee Hodgetts",
    },
    {
        "slug": "chelmsley-wood-housing-office",
        "name": "Chelmsley Wood Housing Office",
        "organisation": "North Solihull Homes",
        "area": "solihull",
        "venue": "housing_office",
        "place": "Chelmsley Wood",
        "address": "Chelmsley Wood Shopping Centre",
        "town": "Solihull",
        "postcode": "B37 5TN",
        "languages": ["en", "pl", "ro"],
        "flags": ["step_free"],
        "strands": [],
        "hours": "weekdays",
        "phone": "0121 496 0110",
        "lead": "Angela Moore",
    },
    # Essex: hate incident reporting centres, staffed by Hate Crime Ambassadors.
    {
        "slug": "chelmsford-central-library",
        "name": "Chelmsford Central Library",
        "organisation": "Chelmsford Library Service",
        "area": "chelmsford",
        "venue": "library",
        "place": "Chelmsford",
        "address": "Market Road",
        "town": "Chelmsford",
        "postcode": "CM1 1QH",
        "languages": ["en", "pl", "ro", "bn"],
        "flags": ["step_free", "hearing_loop", "quiet_room"],
        "strands": [],
        "hours": "six_days",
        "phone": "01632 960301",
        "lead": "Claire Hammond",
    },
    {
        "slug": "springfield-islamic-community-centre",
        "name": "Springfield Islamic Community Centre",
        "organisation": "Chelmsford Islamic Society",
        "area": "chelmsford",
        "venue": "mosque",
        "place": "Springfield",
        "address": "Brook Street",
        "town": "Chelmsford",
        "postcode": "CM1 1UG",
        "languages": ["en", "ur", "bn", "ar"],
        "flags": ["private_room"],
        "strands": ["religion"],
        "hours": "every_day",
        "phone": "01632 960302",
        "lead": "Yusuf Patel",
    },
    {
        "slug": "chelmsford-college-student-advice",
        "name": "Chelmsford College Student Advice",
        "organisation": "Chelmsford Further Education College",
        "area": "chelmsford",
        "venue": "college",
        "place": "Chelmsford",
        "address": "Moulsham Street",
        "town": "Chelmsford",
        "postcode": "CM2 0JQ",
        "languages": ["en", "pl", "ro"],
        "flags": ["step_free", "private_room"],
        "strands": [],
        "hours": "weekdays",
        "phone": "01632 960303",
        "lead": "Rebecca Ward",
    },
    {
        "slug": "colchester-voluntary-action-hub",
        "name": "Colchester Voluntary Action Hub",
        "organisation": "Colchester Voluntary Action",
        "area": "colchester",
        "venue": "community_centre",
        "place": "Colchester",
        "address": "Winsley's House, High Street",
        "town": "Colchester",
        "postcode": "CO1 1UG",
        "languages": ["en", "pl", "ro", "ar", "ps"],
        "flags": ["step_free", "hearing_loop", "private_room"],
        "strands": [],
        "hours": "weekdays",
        "phone": "01632 960304",
        "lead": "Martin Goddard",
    },
    {
        "slug": "greenstead-neighbourhood-centre",
        "name": "Greenstead Neighbourhood Centre",
        "organisation": "Greenstead Residents' Trust",
        "area": "colchester",
        "venue": "community_centre",
        "place": "Greenstead",
        "address": "Hawthorn Avenue",
        "town": "Colchester",
        "postcode": "CO4 3QE",
        "languages": ["en", "ro", "pl", "so"],
        "flags": ["step_free"],
        "strands": [],
        "hours": "part_week",
        "phone": "01632 960305",
        "lead": "Tracey Lambert",
    },
    {
        "slug": "southend-interfaith-centre",
        "name": "Southend Interfaith Centre",
        "organisation": "Southend Faiths Together",
        "area": "southend",
        "venue": "interfaith",
        "place": "Southend-on-Sea",
        "address": "Victoria Avenue",
        "town": "Southend-on-Sea",
        "postcode": "SS2 6EX",
        "languages": ["en", "ur", "bn", "ar"],
        "flags": ["step_free", "private_room"],
        "strands": ["religion"],
        "hours": "afternoons",
        "phone": "01632 960306",
        "lead": "Margaret Okoye",
    },
    {
        "slug": "southend-pride-community-space",
        "name": "Southend Pride Community Space",
        "organisation": "Southend Pride Collective",
        "area": "southend",
        "venue": "lgbt_centre",
        "place": "Southend-on-Sea",
        "address": "Clarence Street",
        "town": "Southend-on-Sea",
        "postcode": "SS1 1BH",
        "languages": ["en"],
        "flags": ["private_room", "quiet_room"],
        "strands": ["sexual_orientation", "transgender"],
        "hours": "part_week",
        "phone": "01632 960307",
        "lead": "Alex Turner",
    },
    {
        "slug": "basildon-town-library",
        "name": "Basildon Town Library",
        "organisation": "Basildon Library Service",
        "area": "basildon",
        "venue": "library",
        "place": "Basildon",
        "address": "St Martin's Square",
        "town": "Basildon",
        "postcode": "SS14 1EE",
        "languages": ["en", "ro", "pl", "so"],
        "flags": ["step_free", "hearing_loop"],
        "strands": [],
        "hours": "six_days",
        "phone": "01632 960308",
        "lead": "Gary Mills",
    },
    {
        "slug": "pitsea-housing-office",
        "name": "Pitsea Housing Office",
        "organisation": "Basildon Homes Partnership",
        "area": "basildon",
        "venue": "housing_office",
        "place": "Pitsea",
        "address": "Northlands Pavement",
        "town": "Basildon",
        "postcode": "SS13 3DU",
        "languages": ["en", "pl", "ro"],
        "flags": ["step_free", "private_room"],
        "strands": [],
        "hours": "weekdays",
        "phone": "01632 960309",
        "lead": "Donna Fisher",
    },
    {
        "slug": "harlow-disability-forum-drop-in",
        "name": "Harlow Disability Forum Drop-in",
        "organisation": "Harlow Disability Forum",
        "area": "harlow",
        "venue": "disability",
        "place": "Harlow",
        "address": "The Water Gardens",
        "town": "Harlow",
        "postcode": "CM20 1AW",
        "languages": ["en"],
        "flags": ["step_free", "hearing_loop", "bsl", "quiet_room"],
        "strands": ["disability"],
        "hours": "afternoons",
        "phone": "01632 960310",
        "lead": "Stephen Cole",
    },
    {
        "slug": "grays-sikh-community-hall",
        "name": "Grays Sikh Community Hall",
        "organisation": "Thurrock Sikh Sangat",
        "area": "thurrock",
        "venue": "gurdwara",
        "place": "Grays",
        "address": "Clarence Road",
        "town": "Grays",
        "postcode": "RM17 6QA",
        "languages": ["en", "pa"],
        "flags": ["step_free"],
        "strands": ["religion"],
        "hours": "every_day",
        "phone": "01632 960311",
        "lead": "Harjit Singh Grewal",
    },
]

# --- Support services -----------------------------------------------------------------------

ALL_LANGUAGES = ["en", "cy", "ur", "pa", "bn", "ar", "ro", "pl", "so", "ps"]
NATIONAL = ["race", "religion", "sexual_orientation", "disability", "transgender"]
WEST_MIDLANDS_BLACK_COUNTRY = ["walsall", "sandwell", "dudley", "wolverhampton"]
ESSEX_AREAS = ["chelmsford", "colchester", "southend", "basildon", "harlow", "thurrock"]

SUPPORT_SERVICES = [
    {
        "slug": "victim-support",
        "name": "Victim Support",
        "website": "https://www.victimsupport.org.uk/",
        "phone": "0808 168 9111",
        "strands": NATIONAL,
        "languages": ALL_LANGUAGES,
        "areas": [],
        "restorative": False,
        "description": {
            "en": "Free, confidential support for anyone affected by crime, whether or not you "
            "have told the police. You can call any time, day or night, and ask for an "
            "interpreter.",
            "cy": "Cymorth am ddim a chyfrinachol i unrhyw un sydd wedi'i effeithio gan drosedd, "
            "p'un a ydych chi wedi dweud wrth yr heddlu ai peidio. Gallwch ffonio unrhyw bryd, "
            "ddydd neu nos, a gofyn am gyfieithydd.",
            "ur": "جرم سے متاثر ہر شخص کے لیے مفت اور رازدارانہ مدد، چاہے آپ نے پولیس کو بتایا ہو "
            "یا نہیں۔ آپ دن رات کسی بھی وقت فون کر سکتے ہیں اور ترجمان مانگ سکتے ہیں۔",
            "pa": "ਜੁਰਮ ਤੋਂ ਪ੍ਰਭਾਵਿਤ ਹਰ ਵਿਅਕਤੀ ਲਈ ਮੁਫ਼ਤ ਅਤੇ ਗੁਪਤ ਸਹਾਇਤਾ, ਭਾਵੇਂ ਤੁਸੀਂ ਪੁਲਿਸ ਨੂੰ "
            "ਦੱਸਿਆ ਹੋਵੇ ਜਾਂ ਨਹੀਂ। ਤੁਸੀਂ ਦਿਨ ਜਾਂ ਰਾਤ ਕਿਸੇ ਵੀ ਵੇਲੇ ਫ਼ੋਨ ਕਰ ਸਕਦੇ ਹੋ ਅਤੇ ਦੁਭਾਸ਼ੀਏ ਦੀ "
            "ਮੰਗ ਕਰ ਸਕਦੇ ਹੋ।",
            "bn": "অপরাধে ক্ষতিগ্রস্ত যে কারও জন্য বিনামূল্যে ও গোপনীয় সহায়তা, আপনি পুলিশকে "
            "জানিয়েছেন কি না তাতে কিছু যায় আসে না। আপনি দিনে বা রাতে যেকোনো সময় ফোন করতে পারেন "
            "এবং দোভাষী চাইতে পারেন।",
            "ar": "دعم مجاني وسري لكل من تأثر بجريمة، سواء أبلغت الشرطة أم لا. يمكنك الاتصال في أي "
            "وقت ليلًا أو نهارًا وطلب مترجم.",
            "ro": "Sprijin gratuit și confidențial pentru oricine a fost afectat de o infracțiune, "
            "chiar dacă nu ați anunțat poliția. Puteți suna oricând, zi și noapte, și puteți "
            "cere un interpret.",
            "pl": "Bezpłatne i poufne wsparcie dla każdego, kogo dotknęło przestępstwo, "
            "niezależnie od tego, czy zgłoszono je policji. Możesz zadzwonić o każdej porze dnia i "
            "nocy i poprosić o tłumacza.",
            "so": "Taageero bilaash ah oo qarsoodi ah oo loogu talagalay qof kasta oo dembi "
            "saameeyay, haddii aad booliska u sheegtay iyo haddii kaleba. Waxaad wici kartaa "
            "wakhti kasta, habeen iyo maalin, waxaadna codsan kartaa turjubaan.",
            "ps": "د هر هغه چا لپاره وړیا او محرمانه ملاتړ چې جرم اغېزمن کړی وي، که تاسو پولیسو ته "
            "ویلي وي که نه. تاسو کولی شئ د ورځې یا شپې هر وخت زنګ ووهئ او د ژباړونکي غوښتنه "
            "وکړئ.",
        },
    },
    {
        "slug": "tell-mama",
        "name": "Tell MAMA",
        "website": "https://tellmamauk.org/",
        "phone": "0800 456 1226",
        "strands": ["religion", "race"],
        "languages": ["en", "ur", "ar"],
        "areas": [],
        "restorative": False,
        "description": {
            "en": "Support for anyone who has faced anti-Muslim hate. You can report to Tell MAMA "
            "and talk to a caseworker in confidence.",
            "cy": "Cymorth i unrhyw un sydd wedi wynebu casineb gwrth-Fwslimaidd. Gallwch roi "
            "gwybod i Tell MAMA a siarad â gweithiwr achos yn gyfrinachol.",
            "ur": "ہر اس شخص کے لیے مدد جسے مسلمانوں کے خلاف نفرت کا سامنا ہوا ہو۔ آپ Tell MAMA کو "
            "رپورٹ کر سکتے ہیں اور رازداری کے ساتھ کیس ورکر سے بات کر سکتے ہیں۔",
            "pa": "ਉਸ ਹਰ ਵਿਅਕਤੀ ਲਈ ਸਹਾਇਤਾ ਜਿਸ ਨੂੰ ਮੁਸਲਮਾਨ-ਵਿਰੋਧੀ ਨਫ਼ਰਤ ਦਾ ਸਾਹਮਣਾ ਕਰਨਾ ਪਿਆ ਹੈ। "
            "ਤੁਸੀਂ Tell MAMA ਨੂੰ ਰਿਪੋਰਟ ਕਰ ਸਕਦੇ ਹੋ ਅਤੇ ਕਿਸੇ ਕੇਸਵਰਕਰ ਨਾਲ ਗੁਪਤ ਤੌਰ 'ਤੇ ਗੱਲ ਕਰ "
            "ਸਕਦੇ ਹੋ।",
            "bn": "মুসলিমবিদ্বেষী ঘৃণার শিকার যে কারও জন্য সহায়তা। আপনি Tell MAMA-কে রিপোর্ট করতে "
            "পারেন এবং গোপনে একজন কেসওয়ার্কারের সাথে কথা বলতে পারেন।",
            "ar": "دعم لكل من تعرّض لكراهية ضد المسلمين. يمكنك الإبلاغ إلى Tell MAMA والتحدث بسرية "
            "مع مسؤول حالة.",
            "ro": "Sprijin pentru oricine s-a confruntat cu ură împotriva musulmanilor. Puteți "
            "raporta la Tell MAMA și puteți vorbi confidențial cu un consilier.",
            "pl": "Wsparcie dla osób, które doświadczyły nienawiści wobec muzułmanów. Możesz to "
            "zgłosić do Tell MAMA i porozmawiać poufnie z opiekunem sprawy.",
            "so": "Taageero loogu talagalay qof kasta oo la kulmay nacayb ka dhan ah Muslimiinta. "
            "Waxaad u soo sheegi kartaa Tell MAMA oo si qarsoodi ah ula hadli kartaa shaqaale "
            "kiisaska haya.",
            "ps": "د هر هغه چا لپاره ملاتړ چې د مسلمانانو پر وړاندې له کرکې سره مخ شوی وي. تاسو "
            "کولی شئ Tell MAMA ته راپور ورکړئ او په محرمانه توګه د قضیې له کارکوونکي "
            "سره خبرې وکړئ.",
        },
    },
    {
        "slug": "cst",
        "name": "CST (Community Security Trust)",
        "website": "https://cst.org.uk/",
        "phone": "0800 032 3263",
        "strands": ["religion", "race"],
        "languages": ["en"],
        "areas": [],
        "restorative": False,
        "description": {
            "en": "Support for Jewish people who have faced antisemitism, and advice on keeping "
            "Jewish places and events safe.",
            "cy": "Cymorth i bobl Iddewig sydd wedi wynebu gwrthsemitiaeth, a chyngor ar gadw "
            "lleoedd a digwyddiadau Iddewig yn ddiogel.",
            "ur": "ان یہودی لوگوں کے لیے مدد جنہیں یہود دشمنی کا سامنا ہوا ہو، اور یہودی مقامات "
            "اور تقریبات کو محفوظ رکھنے کے بارے میں مشورہ۔",
            "pa": "ਉਨ੍ਹਾਂ ਯਹੂਦੀ ਲੋਕਾਂ ਲਈ ਸਹਾਇਤਾ ਜਿਨ੍ਹਾਂ ਨੂੰ ਯਹੂਦੀ-ਵਿਰੋਧੀ ਨਫ਼ਰਤ ਦਾ ਸਾਹਮਣਾ ਕਰਨਾ "
            "ਪਿਆ ਹੈ, ਅਤੇ ਯਹੂਦੀ ਥਾਵਾਂ ਅਤੇ ਸਮਾਗਮਾਂ ਨੂੰ ਸੁਰੱਖਿਅਤ ਰੱਖਣ ਬਾਰੇ ਸਲਾਹ।",
            "bn": "ইহুদিবিদ্বেষের শিকার ইহুদি মানুষদের জন্য সহায়তা, এবং ইহুদি স্থান ও অনুষ্ঠান "
            "নিরাপদ রাখার বিষয়ে পরামর্শ।",
            "ar": "دعم لليهود الذين تعرّضوا لمعاداة السامية، ونصائح للحفاظ على سلامة الأماكن "
            "والمناسبات اليهودية.",
            "ro": "Sprijin pentru persoanele evreice care s-au confruntat cu antisemitism și "
            "sfaturi pentru siguranța locurilor și evenimentelor evreiești.",
            "pl": "Wsparcie dla Żydów, którzy doświadczyli antysemityzmu, oraz porady, jak dbać o "
            "bezpieczeństwo żydowskich miejsc i wydarzeń.",
            "so": "Taageero loogu talagalay dadka Yuhuudda ah ee la kulmay nacaybka Yuhuudda, iyo "
            "talo ku saabsan sida loo ilaaliyo badbaadada goobaha iyo munaasabadaha Yuhuudda.",
            "ps": "د هغو یهودي خلکو لپاره ملاتړ چې له یهود ضد کرکې سره مخ شوي، او د یهودي ځایونو "
            "او غونډو د خوندي ساتلو په اړه مشوره.",
        },
    },
    {
        "slug": "galop",
        "name": "Galop",
        "website": "https://galop.org.uk/",
        "phone": "020 7704 2040",
        "strands": ["sexual_orientation", "transgender"],
        "languages": ["en"],
        "areas": [],
        "restorative": False,
        "description": {
            "en": "The LGBT+ anti-abuse charity. Confidential support for lesbian, gay, bisexual, "
            "trans and queer people who have faced hate, violence or abuse.",
            "cy": "Yr elusen LHDT+ yn erbyn camdriniaeth. Cymorth cyfrinachol i bobl lesbiaidd, "
            "hoyw, deurywiol, traws a cwiar sydd wedi wynebu casineb, trais neu gamdriniaeth.",
            "ur": "LGBT+ افراد کے ساتھ بدسلوکی کے خلاف کام کرنے والا خیراتی ادارہ۔ لیزبین، گے، "
            "بائی سیکشوئل، ٹرانس اور کوئیر لوگوں کے لیے رازدارانہ مدد جنہیں نفرت، تشدد یا بدسلوکی "
            "کا سامنا ہوا ہو۔",
            "pa": "LGBT+ ਲੋਕਾਂ ਨਾਲ ਬਦਸਲੂਕੀ ਵਿਰੁੱਧ ਕੰਮ ਕਰਨ ਵਾਲੀ ਚੈਰਿਟੀ। ਲੈਸਬੀਅਨ, ਗੇਅ, ਬਾਇਸੈਕਸੁਅਲ, "
            "ਟ੍ਰਾਂਸ ਅਤੇ ਕੁਈਅਰ ਲੋਕਾਂ ਲਈ ਗੁਪਤ ਸਹਾਇਤਾ ਜਿਨ੍ਹਾਂ ਨੇ ਨਫ਼ਰਤ, ਹਿੰਸਾ ਜਾਂ ਬਦਸਲੂਕੀ ਦਾ ਸਾਹਮਣਾ "
            "ਕੀਤਾ ਹੈ।",
            "bn": "LGBT+ মানুষদের প্রতি নির্যাতনের বিরুদ্ধে কাজ করা দাতব্য সংস্থা। লেসবিয়ান, গে, "
            "বাইসেক্সুয়াল, ট্রান্স ও কুইয়ার মানুষ যারা ঘৃণা, সহিংসতা বা নির্যাতনের শিকার হয়েছেন, "
            "তাদের জন্য গোপনীয় সহায়তা।",
            "ar": "جمعية خيرية لمناهضة الإساءة إلى أفراد مجتمع الميم (LGBT+). دعم سري للمثليات "
            "والمثليين ومزدوجي الميول والعابرين جنسيًا والكوير الذين تعرّضوا للكراهية أو العنف "
            "أو الإساءة.",
            "ro": "Organizația caritabilă LGBT+ împotriva abuzului. Sprijin confidențial pentru "
            "persoanele lesbiene, gay, bisexuale, trans și queer care s-au confruntat cu ură, "
            "violență sau abuz.",
            "pl": "Organizacja charytatywna przeciw przemocy wobec osób LGBT+. Poufne wsparcie dla "
            "lesbijek, gejów, osób biseksualnych, transpłciowych i queer, które doświadczyły "
            "nienawiści, przemocy lub krzywdy.",
            "so": "Hay'adda samafalka ee ka hortagta xadgudubka dadka LGBT+. Taageero qarsoodi ah "
            "oo loogu talagalay dadka lesbian, gay, bisexual, trans iyo queer ah ee la kulmay "
            "nacayb, rabshad ama xadgudub.",
            "ps": "د LGBT+ خلکو پر وړاندې د ناوړه چلند ضد خیریه موسسه. د لیزبین، ګې، دوه‌جنسګرا، "
            "ټرانس او کوییر خلکو لپاره محرمانه ملاتړ چې له کرکې، تاوتریخوالي یا ناوړه چلند سره مخ "
            "شوي.",
        },
    },
    {
        "slug": "stop-hate-uk",
        "name": "Stop Hate UK",
        "website": "https://www.stophateuk.org/",
        "phone": "0800 138 1625",
        "strands": NATIONAL,
        "languages": ALL_LANGUAGES,
        "areas": [],
        "restorative": False,
        "description": {
            "en": "A helpline, open 24 hours a day, to report hate and talk to someone in "
            "confidence, by phone, text or online.",
            "cy": "Llinell gymorth sydd ar agor 24 awr y dydd, i roi gwybod am gasineb a siarad â "
            "rhywun yn gyfrinachol, dros y ffôn, drwy neges destun neu ar-lein.",
            "ur": "ایک ہیلپ لائن جو دن کے 24 گھنٹے کھلی رہتی ہے، جہاں آپ نفرت کی رپورٹ کر سکتے ہیں "
            "اور فون، ٹیکسٹ میسج یا آن لائن کسی سے رازداری کے ساتھ بات کر سکتے ہیں۔",
            "pa": "ਇੱਕ ਹੈਲਪਲਾਈਨ ਜੋ ਦਿਨ ਦੇ 24 ਘੰਟੇ ਖੁੱਲ੍ਹੀ ਰਹਿੰਦੀ ਹੈ, ਜਿੱਥੇ ਤੁਸੀਂ ਨਫ਼ਰਤ ਦੀ ਰਿਪੋਰਟ ਕਰ "
            "ਸਕਦੇ ਹੋ ਅਤੇ ਫ਼ੋਨ, ਟੈਕਸਟ ਜਾਂ ਔਨਲਾਈਨ ਕਿਸੇ ਨਾਲ ਗੁਪਤ ਤੌਰ 'ਤੇ ਗੱਲ ਕਰ ਸਕਦੇ ਹੋ।",
            "bn": "দিনে ২৪ ঘণ্টা খোলা একটি হেল্পলাইন, যেখানে আপনি ঘৃণার ঘটনা রিপোর্ট করতে পারেন "
            "এবং ফোন, টেক্সট বা অনলাইনে গোপনে কারও সাথে কথা বলতে পারেন।",
            "ar": "خط مساعدة يعمل 24 ساعة في اليوم للإبلاغ عن الكراهية والتحدث إلى شخص بسرية، عبر "
            "الهاتف أو الرسائل النصية أو الإنترنت.",
            "ro": "O linie de ajutor deschisă 24 de ore din 24, unde puteți raporta ura și puteți "
            "vorbi confidențial cu cineva, la telefon, prin SMS sau online.",
            "pl": "Całodobowa linia pomocy, gdzie możesz zgłosić nienawiść i poufnie z kimś "
            "porozmawiać – telefonicznie, SMS-em lub przez internet.",
            "so": "Khad caawimaad oo furan 24 saacadood maalintii, si aad u soo sheegto nacayb oo "
            "aad si qarsoodi ah ula hadasho qof, taleefan, fariin qoraal ah ama internetka.",
            "ps": "یوه مرستندویه کرښه چې د ورځې ۲۴ ساعته خلاصه ده، څو د کرکې راپور ورکړئ او په "
            "محرمانه توګه له چا سره د تلیفون، لیکلي پیغام یا انټرنیټ له لارې خبرې وکړئ.",
        },
    },
    {
        "slug": "black-country-restore",
        "name": "Black Country Restore",
        "website": "https://black-country-restore.example.org/",
        "phone": "01632 960401",
        "email": "referrals@black-country-restore.example.org",
        "strands": NATIONAL,
        "languages": ["en", "ur", "pa", "pl"],
        "areas": WEST_MIDLANDS_BLACK_COUNTRY,
        "restorative": True,
        "description": {
            "en": "Restorative justice across the Black Country. If you want to, a trained "
            "facilitator can help you tell the person who harmed you how it affected you. "
            "Nothing happens unless you agree.",
            "cy": "Cyfiawnder adferol ar draws y Black Country. Os ydych chi eisiau, gall "
            "hwylusydd hyfforddedig eich helpu i ddweud wrth y person a wnaeth niwed i chi sut "
            "effeithiodd hynny arnoch chi. Does dim yn digwydd heb eich cytundeb.",
            "ur": "Black Country بھر میں بحالی انصاف (ریسٹوریٹو جسٹس)۔ اگر آپ چاہیں تو ایک تربیت "
            "یافتہ سہولت کار آپ کی مدد کر سکتا ہے تاکہ آپ نقصان پہنچانے والے شخص کو بتا سکیں کہ "
            "اس کا آپ پر کیا اثر ہوا۔ آپ کی رضامندی کے بغیر کچھ نہیں ہوگا۔",
            "pa": "Black Country ਵਿੱਚ ਸੁਧਾਰਵਾਦੀ ਨਿਆਂ (ਰੀਸਟੋਰੇਟਿਵ ਜਸਟਿਸ)। ਜੇ ਤੁਸੀਂ ਚਾਹੋ, ਤਾਂ ਇੱਕ "
            "ਸਿਖਲਾਈ ਪ੍ਰਾਪਤ ਸਹਾਇਕ ਤੁਹਾਡੀ ਮਦਦ ਕਰ ਸਕਦਾ ਹੈ ਤਾਂ ਜੋ ਤੁਸੀਂ ਨੁਕਸਾਨ ਪਹੁੰਚਾਉਣ ਵਾਲੇ ਵਿਅਕਤੀ "
            "ਨੂੰ ਦੱਸ ਸਕੋ ਕਿ ਇਸ ਦਾ ਤੁਹਾਡੇ 'ਤੇ ਕੀ ਅਸਰ ਹੋਇਆ। ਤੁਹਾਡੀ ਸਹਿਮਤੀ ਤੋਂ ਬਿਨਾਂ ਕੁਝ ਨਹੀਂ ਹੋਵੇਗਾ।",
            "bn": "Black Country জুড়ে পুনর্বাসনমূলক ন্যায়বিচার (রিস্টোরেটিভ জাস্টিস)। আপনি চাইলে "
            "একজন প্রশিক্ষিত সহায়ক আপনাকে সাহায্য করতে পারেন, যাতে যে ব্যক্তি আপনার ক্ষতি করেছে "
            "তাকে আপনি জানাতে পারেন এটি আপনার ওপর কী প্রভাব ফেলেছে। আপনি রাজি না হলে কিছুই হবে না।",
            "ar": "العدالة التصالحية في منطقة Black Country. إذا رغبت، يمكن لميسّر مدرَّب مساعدتك "
            "على إخبار الشخص الذي آذاك كيف أثّر ذلك عليك. لن يحدث شيء دون موافقتك.",
            "ro": "Justiție restaurativă în zona Black Country. Dacă doriți, un facilitator "
            "instruit vă poate ajuta să îi spuneți persoanei care v-a făcut rău cum v-a afectat. "
            "Nu se întâmplă nimic fără acordul dumneavoastră.",
            "pl": "Sprawiedliwość naprawcza w regionie Black Country. Jeśli chcesz, przeszkolony "
            "mediator pomoże ci powiedzieć osobie, która cię skrzywdziła, jak to na ciebie "
            "wpłynęło. Nic się nie stanie bez twojej zgody.",
            "so": "Caddaalad dib-u-heshiisiin ah (restorative justice) oo ka socota Black Country. "
            "Haddii aad rabto, wakiil tababaran ayaa kaa caawin kara inaad u sheegto qofkii ku "
            "waxyeeleeyay sida ay kuu saamaysay. Waxba ma dhacayaan haddii aadan oggolaan.",
            "ps": "د Black Country په سیمه کې جبراني عدالت (ریسټوریټیو جسټس). که تاسو وغواړئ، یو "
            "روزل شوی اسانتیاکوونکی کولی شي مرسته وکړي چې تاسو هغه چا ته چې زیان یې درته رسولی "
            "ووایاست چې پر تاسو یې څه اغېز کړی. ستاسو له موافقې پرته هېڅ نه کېږي.",
        },
    },
    {
        "slug": "mend-the-harm",
        "name": "Mend the Harm Birmingham and Solihull",
        "website": "https://mend-the-harm.example.org/",
        "phone": "0121 496 0401",
        "email": "hello@mend-the-harm.example.org",
        "strands": NATIONAL,
        "languages": ["en", "ur", "bn", "so"],
        "areas": ["birmingham-east", "birmingham-west", "solihull"],
        "restorative": True,
        "description": {
            "en": "Restorative justice in Birmingham and Solihull. Meet or write to the person "
            "who harmed you, with a trained facilitator, if and when you feel ready.",
            "cy": "Cyfiawnder adferol yn Birmingham a Solihull. Cyfarfod neu ysgrifennu at y "
            "person a wnaeth niwed i chi, gyda hwylusydd hyfforddedig, os a phan fyddwch chi'n "
            "teimlo'n barod.",
            "ur": "Birmingham اور Solihull میں بحالی انصاف۔ اگر اور جب آپ تیار محسوس کریں تو ایک "
            "تربیت یافتہ سہولت کار کے ساتھ نقصان پہنچانے والے شخص سے ملیں یا اسے خط لکھیں۔",
            "pa": "Birmingham ਅਤੇ Solihull ਵਿੱਚ ਸੁਧਾਰਵਾਦੀ ਨਿਆਂ। ਜੇ ਅਤੇ ਜਦੋਂ ਤੁਸੀਂ ਤਿਆਰ ਮਹਿਸੂਸ "
            "ਕਰੋ, ਇੱਕ ਸਿਖਲਾਈ ਪ੍ਰਾਪਤ ਸਹਾਇਕ ਨਾਲ ਨੁਕਸਾਨ ਪਹੁੰਚਾਉਣ ਵਾਲੇ ਵਿਅਕਤੀ ਨੂੰ ਮਿਲੋ ਜਾਂ ਚਿੱਠੀ "
            "ਲਿਖੋ।",
            "bn": "Birmingham ও Solihull-এ পুনর্বাসনমূলক ন্যায়বিচার। আপনি যদি এবং যখন প্রস্তুত বোধ "
            "করেন, একজন প্রশিক্ষিত সহায়কের সাথে যে ব্যক্তি আপনার ক্ষতি করেছে তার সাথে দেখা করুন "
            "বা তাকে চিঠি লিখুন।",
            "ar": "العدالة التصالحية في Birmingham وSolihull. يمكنك مقابلة الشخص الذي آذاك أو "
            "الكتابة إليه، بمساعدة ميسّر مدرَّب، إذا ومتى شعرت أنك مستعد.",
            "ro": "Justiție restaurativă în Birmingham și Solihull. Vă puteți întâlni sau îi "
            "puteți scrie persoanei care v-a făcut rău, cu ajutorul unui facilitator instruit, "
            "dacă și când vă simțiți pregătit(ă).",
            "pl": "Sprawiedliwość naprawcza w Birmingham i Solihull. Możesz spotkać się z osobą, "
            "która cię skrzywdziła, albo do niej napisać – z pomocą przeszkolonego mediatora, "
            "jeśli i kiedy poczujesz, że to dobry moment.",
            "so": "Caddaalad dib-u-heshiisiin ah oo ka socota Birmingham iyo Solihull. La kulan "
            "ama u qor qofkii ku waxyeeleeyay, adiga oo la jooga wakiil tababaran, haddii iyo "
            "marka aad diyaar u tahay.",
            "ps": "په Birmingham او Solihull کې جبراني عدالت. که او کله چې چمتو یاست، د یو روزل "
            "شوي اسانتیاکوونکي په مرسته له هغه چا سره وګورئ یا هغه ته لیک ولیکئ چې زیان یې درته "
            "رسولی.",
        },
    },
    {
        "slug": "coventry-community-advice",
        "name": "Coventry Community Advice",
        "website": "https://coventry-community-advice.example.org/",
        "phone": "01632 960402",
        "email": "advice@coventry-community-advice.example.org",
        "strands": NATIONAL,
        "languages": ALL_LANGUAGES,
        "areas": ["coventry"],
        "restorative": False,
        "description": {
            "en": "Free, independent advice on housing, money, work and discrimination, in person "
            "or by phone. Interpreters can be booked.",
            "cy": "Cyngor annibynnol am ddim ar dai, arian, gwaith a gwahaniaethu, wyneb yn wyneb "
            "neu dros y ffôn. Gellir trefnu cyfieithydd.",
            "ur": "رہائش، پیسے، کام اور امتیازی سلوک کے بارے میں مفت اور آزادانہ مشورہ، آمنے سامنے "
            "یا فون پر۔ ترجمان کا انتظام کیا جا سکتا ہے۔",
            "pa": "ਰਿਹਾਇਸ਼, ਪੈਸੇ, ਕੰਮ ਅਤੇ ਵਿਤਕਰੇ ਬਾਰੇ ਮੁਫ਼ਤ ਅਤੇ ਸੁਤੰਤਰ ਸਲਾਹ, ਆਹਮੋ-ਸਾਹਮਣੇ ਜਾਂ ਫ਼ੋਨ "
            "'ਤੇ। ਦੁਭਾਸ਼ੀਏ ਦਾ ਪ੍ਰਬੰਧ ਕੀਤਾ ਜਾ ਸਕਦਾ ਹੈ।",
            "bn": "বাসস্থান, টাকাপয়সা, কাজ ও বৈষম্য নিয়ে বিনামূল্যে স্বাধীন পরামর্শ, সরাসরি বা "
            "ফোনে। দোভাষীর ব্যবস্থা করা যায়।",
            "ar": "استشارات مجانية ومستقلة في السكن والمال والعمل والتمييز، وجهًا لوجه أو عبر "
            "الهاتف. يمكن حجز مترجم.",
            "ro": "Consiliere gratuită și independentă despre locuință, bani, muncă și "
            "discriminare, față în față sau la telefon. Se poate programa un interpret.",
            "pl": "Bezpłatne, niezależne porady w sprawach mieszkania, pieniędzy, pracy i "
            "dyskryminacji, osobiście lub telefonicznie. Można zamówić tłumacza.",
            "so": "Talo bilaash ah oo madax-bannaan oo ku saabsan guryaha, lacagta, shaqada iyo "
            "takoorka, fool-ka-fool ama taleefan. Turjubaan waa la ballansan karaa.",
            "ps": "د کور، پیسو، کار او تبعیض په اړه وړیا او خپلواکه مشوره، مخامخ یا د تلیفون له "
            "لارې. ژباړونکی هم برابرېدای شي.",
        },
    },
    {
        "slug": "essex-restorative-pathways",
        "name": "Essex Restorative Pathways",
        "website": "https://essex-restorative-pathways.example.org/",
        "phone": "01632 960403",
        "email": "referrals@essex-restorative-pathways.example.org",
        "strands": NATIONAL,
        "languages": ["en", "pl", "ro"],
        "areas": ESSEX_AREAS,
        "restorative": True,
        "description": {
            "en": "Restorative justice across Essex, Southend and Thurrock. A facilitator "
            "explains the choices and supports you at every step; you can stop at any time.",
            "cy": "Cyfiawnder adferol ar draws Essex, Southend a Thurrock. Mae hwylusydd yn "
            "esbonio'r dewisiadau ac yn eich cefnogi bob cam; gallwch chi stopio unrhyw bryd.",
            "ur": "Essex، Southend اور Thurrock میں بحالی انصاف۔ ایک سہولت کار آپ کو سب راستے "
            "سمجھاتا ہے اور ہر قدم پر آپ کا ساتھ دیتا ہے؛ آپ کسی بھی وقت رک سکتے ہیں۔",
            "pa": "Essex, Southend ਅਤੇ Thurrock ਵਿੱਚ ਸੁਧਾਰਵਾਦੀ ਨਿਆਂ। ਇੱਕ ਸਹਾਇਕ ਤੁਹਾਨੂੰ ਸਾਰੇ "
            "ਵਿਕਲਪ ਸਮਝਾਉਂਦਾ ਹੈ ਅਤੇ ਹਰ ਕਦਮ 'ਤੇ ਤੁਹਾਡਾ ਸਾਥ ਦਿੰਦਾ ਹੈ; ਤੁਸੀਂ ਕਿਸੇ ਵੀ ਵੇਲੇ ਰੁਕ "
            "ਸਕਦੇ ਹੋ।",
            "bn": "Essex, Southend ও Thurrock জুড়ে পুনর্বাসনমূলক ন্যায়বিচার। একজন সহায়ক আপনাকে "
            "সব বিকল্প বুঝিয়ে বলেন এবং প্রতিটি ধাপে আপনার পাশে থাকেন; আপনি যেকোনো সময় থামতে "
            "পারেন।",
            "ar": "العدالة التصالحية في Essex وSouthend وThurrock. يشرح لك ميسّر الخيارات المتاحة "
            "ويدعمك في كل خطوة، ويمكنك التوقف في أي وقت.",
            "ro": "Justiție restaurativă în Essex, Southend și Thurrock. Un facilitator vă explică "
            "opțiunile și vă sprijină la fiecare pas; vă puteți opri oricând.",
            "pl": "Sprawiedliwość naprawcza w Essex, Southend i Thurrock. Mediator wyjaśni ci "
            "możliwości i będzie cię wspierać na każdym etapie; możesz przerwać w każdej chwili.",
            "so": "Caddaalad dib-u-heshiisiin ah oo ka socota Essex, Southend iyo Thurrock. Wakiil "
            "ayaa kuu sharraxa doorashooyinka oo kugu taageera tallaabo kasta; waad joojin "
            "kartaa wakhti kasta.",
            "ps": "په Essex، Southend او Thurrock کې جبراني عدالت. یو اسانتیاکوونکی تاسو ته "
            "انتخابونه تشریح کوي او په هر ګام کې ستاسو ملاتړ کوي؛ تاسو هر وخت درېدلی شئ.",
        },
    },
    {
        "slug": "access-voices-essex",
        "name": "Access Voices Essex",
        "website": "https://access-voices-essex.example.org/",
        "phone": "01632 960404",
        "email": "advocacy@access-voices-essex.example.org",
        "strands": ["disability"],
        "languages": ["en"],
        "areas": ESSEX_AREAS,
        "restorative": False,
        "description": {
            "en": "Advocates who support disabled and Deaf people to report hate crime and stay "
            "with you through what happens next. A BSL interpreter can come with you.",
            "cy": "Eiriolwyr sy'n cefnogi pobl anabl a Byddar i roi gwybod am drosedd casineb ac "
            "sy'n aros gyda chi drwy'r hyn sy'n digwydd nesaf. Gall cyfieithydd BSL ddod gyda "
            "chi.",
            "ur": "ایسے ایڈووکیٹ جو معذور اور بہرے افراد کو نفرت پر مبنی جرم کی رپورٹ کرنے میں مدد "
            "دیتے ہیں اور آگے کے ہر مرحلے میں آپ کے ساتھ رہتے ہیں۔ برطانوی اشاروں کی زبان (BSL) کا "
            "ترجمان آپ کے ساتھ آ سکتا ہے۔",
            "pa": "ਐਡਵੋਕੇਟ ਜੋ ਅਪੰਗ ਅਤੇ ਬੋਲ਼ੇ ਲੋਕਾਂ ਨੂੰ ਨਫ਼ਰਤ ਭਰੇ ਜੁਰਮ ਦੀ ਰਿਪੋਰਟ ਕਰਨ ਵਿੱਚ ਮਦਦ ਕਰਦੇ "
            "ਹਨ ਅਤੇ ਅੱਗੇ ਜੋ ਵੀ ਹੁੰਦਾ ਹੈ ਉਸ ਵਿੱਚ ਤੁਹਾਡੇ ਨਾਲ ਰਹਿੰਦੇ ਹਨ। BSL (ਬ੍ਰਿਟਿਸ਼ ਸੈਨਤ ਭਾਸ਼ਾ) ਦਾ "
            "ਦੁਭਾਸ਼ੀਆ ਤੁਹਾਡੇ ਨਾਲ ਆ ਸਕਦਾ ਹੈ।",
            "bn": "অ্যাডভোকেটরা প্রতিবন্ধী ও বধির মানুষদের ঘৃণাজনিত অপরাধের রিপোর্ট করতে সাহায্য "
            "করেন এবং পরবর্তী প্রতিটি ধাপে আপনার পাশে থাকেন। একজন BSL (ব্রিটিশ ইশারা ভাষা) দোভাষী "
            "আপনার সাথে আসতে পারেন।",
            "ar": "مناصرون يدعمون الأشخاص ذوي الإعاقة والصمّ في الإبلاغ عن جرائم الكراهية ويرافقونك "
            "في كل ما يحدث بعد ذلك. يمكن أن يرافقك مترجم لغة الإشارة البريطانية (BSL).",
            "ro": "Consilieri care sprijină persoanele cu dizabilități și persoanele surde să "
            "raporteze infracțiunile motivate de ură și rămân alături de dumneavoastră în tot ce "
            "urmează. Vă poate însoți un interpret BSL.",
            "pl": "Rzecznicy, którzy pomagają osobom z niepełnosprawnościami i osobom Głuchym "
            "zgłosić przestępstwo z nienawiści i wspierają cię we wszystkim, co dzieje się "
            "potem. Może ci towarzyszyć tłumacz BSL.",
            "so": "Qareenno taageera dadka naafada ah iyo dadka dhagoolka ah si ay u soo sheegaan "
            "dembiyada nacaybka, oo kula jira wixii xiga oo dhan. Turjubaanka BSL ayaa kula "
            "iman kara.",
            "ps": "مدافعین چې له معلولو او کاڼه خلکو سره د کرکې پر بنسټ د جرم په راپور ورکولو کې "
            "مرسته کوي او په راتلونکو ټولو پړاوونو کې له تاسو سره وي. د BSL ژباړونکی له تاسو سره "
            "راتلی شي.",
        },
    },
]

# --- People ---------------------------------------------------------------------------------

DEMO_DOMAIN = "demo.hatereport.test"

# The accounts someone trying the demo signs in with: label, email, name, role, centre or area.
DEMO_ACCOUNTS = [
    ("volunteer (TPRC)", "volunteer", "Amina Yusuf", "volunteer", "small-heath-community-mosque"),
    (
        "coordinator (TPRC)",
        "coordinator",
        "Tariq Mahmood",
        "coordinator",
        "small-heath-community-mosque",
    ),
    ("ambassador (HIRC)", "ambassador", "Joanne Clarke", "volunteer", "chelmsford-central-library"),
    ("SPOC Birmingham East", "spoc", "Priya Sandhu", "spoc", "birmingham-east"),
    ("officer Birmingham East", "officer", "Daniel Okafor", "officer", "birmingham-east"),
    ("inspector Birmingham East", "inspector", "Helen Marsh", "inspector", "birmingham-east"),
    ("SPOC Chelmsford", "spoc.chelmsford", "Mark Rowe", "spoc", "chelmsford"),
    ("analyst", "analyst", "Farah Siddiqui", "analyst", None),
    ("administrator", "admin", "Owen Jones", "administrator", None),
    ("superuser (break-glass)", "superuser", "Break-glass account", None, None),
]

# Names for the people behind the scenes: other centres' volunteers, other areas' police.
STAFF_NAMES = [
    "Gurpreet Bains",
    "Sarah Whitehouse",
    "Mohammed Iqbal",
    "Kerry Dunn",
    "Jason Clarke",
    "Aaliyah Khan",
    "Darren Hughes",
    "Nadia Hussain",
    "Lee Parkes",
    "Sukhvinder Gill",
    "Emma Lowe",
    "Kwame Asante",
    "Helen Price",
    "Rizwan Ahmed",
    "Lisa Bennett",
    "Craig Fletcher",
    "Tom Harding",
    "Emily Cross",
    "Daniel Fairweather",
    "Chloe Palmer",
    "Ryan Cooper",
    "Amira Osman",
    "Gemma Wood",
    "Stuart Reynolds",
    "Bushra Malik",
    "Ian Cartwright",
    "Joanna Nowicka",
    "Marcus Bell",
    "Samina Begum",
    "Victoria Hale",
    "Adebayo Ogunleye",
    "Rachel Turner",
    "Shaun Pritchard",
    "Harpal Johal",
    "Natalie Brooks",
    "Wei Chen",
    "Abdullahi Hassan",
    "Lauren Mitchell",
    "Ciaran Doyle",
    "Parveen Kaur",
    "Oliver Grant",
    "Ruth Adeleke",
    "Connor Walsh",
    "Salma Choudhury",
    "Jack Barker",
    "Ioana Marin",
    "Deborah Lewis",
    "Faisal Rehman",
    "Kirsty Baxter",
    "Tomasz Kaczmarek",
    "Yasmin Ali",
    "Graham Shepherd",
    "Anjali Mistry",
    "Kieran O'Neill",
    "Beata Lewandowska",
    "Musa Abdi",
    "Sophie Carter",
    "Rajinder Purewal",
    "Michael Afolabi",
    "Hannah Frost",
    "Zubair Akram",
    "Laura Jenkins",
    "Patrick Nolan",
    "Asha Mohamed",
    "Gavin Small",
]

# Reporters' names for contact details, by the language they reported in.
REPORTER_NAMES = {
    "en": [
        "Sarah Mitchell",
        "Daniel Osei",
        "Michelle Brown",
        "Chloe Taylor",
        "Marcus Campbell",
        "Jordan Reid",
        "Liam Doherty",
        "Tom Price",
        "Grace Adeyemi",
        "Ben Walker",
        "Kelly Morgan",
        "Paul Whitfield",
        "Zainab Hussain",
        "Aaron Francis",
        "Leanne Cooper",
    ],
    "cy": ["Rhian Davies", "Gareth Evans", "Siân Williams", "Dafydd Morgan"],
    "ur": ["Shazia Akhtar", "Imran Malik", "Bilal Hussain", "Saima Rashid", "Naveed Anwar"],
    "pa": ["Harpreet Kaur", "Gurpreet Singh", "Jaspal Sandhu", "Manjit Kaur", "Balwinder Singh"],
    "bn": ["Nasima Begum", "Rafiq Uddin", "Shahana Khatun", "Abdul Karim", "Ruksana Begum"],
    "ar": ["Omar Haddad", "Layla Hassan", "Yousef Al-Amin", "Mariam Saleh"],
    "ro": ["Ioana Popescu", "Andrei Ionescu", "Elena Dumitru", "Mihai Stan"],
    "pl": ["Katarzyna Nowak", "Piotr Wiśniewski", "Agnieszka Kowalska", "Tomasz Zieliński"],
    "so": ["Hodan Ali", "Abdirahman Farah", "Sahra Warsame", "Mohamed Jama"],
    "ps": ["Gul Ahmad Khan", "Zarmina Stanikzai", "Rahmatullah Safi", "Malalai Noori"],
}

INTERPRETER_LANGUAGES = {
    "cy": ["Welsh"],
    "ur": ["Urdu", "Mirpuri"],
    "pa": ["Punjabi"],
    "bn": ["Bengali", "Sylheti"],
    "ar": ["Arabic"],
    "ro": ["Romanian", "Romani"],
    "pl": ["Polish"],
    "so": ["Somali"],
    "ps": ["Pashto"],
}

# --- Reports --------------------------------------------------------------------------------

# Each scenario is one story, told by the victim ("self"), a witness, or someone reporting on
# the victim's behalf, with the strands, incident types and place that fit it. Weights
# give roughly the national picture: most reports about race, then religion, sexual
# orientation, disability and transgender identity. Optional keys: "online" (the platform;
# otherwise "place" is the place type), "period" (it keeps happening), "known" and "offender",
# "injured", "damaged", "threatened", "secret" (family must not find out), "not_sure" (not sure
# why) and "other" (a reason of their own).
SCENARIOS = [
    # Race.
    {
        "by": "self",
        "weight": 9,
        "strands": ["race"],
        "types": ["verbal_abuse"],
        "place": "street",
        "text": "A man shouted at me to go back to my own country while I was waiting at the "
        "bus stop. Other people heard it and nobody said anything.",
    },
    {
        "by": "self",
        "weight": 5,
        "strands": ["race"],
        "types": ["verbal_abuse"],
        "place": "work",
        "text": "A customer called me a terrorist at the till and said people like me should "
        "not be allowed to work here. My manager asked him to leave.",
    },
    {
        "by": "self",
        "weight": 4,
        "strands": ["race"],
        "types": ["verbal_abuse", "threats"],
        "place": "near_home",
        "threatened": True,
        "text": "The driver of a car slowed down outside my house, shouted racist abuse at me "
        "and said he would come back. He drove off laughing.",
    },
    {
        "by": "self",
        "weight": 5,
        "strands": ["race"],
        "types": ["harassment", "verbal_abuse"],
        "place": "home",
        "period": True,
        "text": "For about three months a group of young people has been knocking on our door "
        "and running away, and shouting names at my son about his colour.",
    },
    {
        "by": "self",
        "weight": 4,
        "strands": ["race"],
        "types": ["threats"],
        "place": "home",
        "threatened": True,
        "known": True,
        "period": True,
        "offender": "A neighbour from two doors down. I can give the house number.",
        "text": "My neighbour said he would burn our house down if we did not move out. He has "
        "said things about where we come from before, but this time I think he meant it.",
    },
    {
        "by": "self",
        "weight": 3,
        "strands": ["race"],
        "types": ["physical_assault", "verbal_abuse"],
        "place": "pub_restaurant",
        "injured": True,
        "text": "I was punched in the face by a man who had been shouting about my accent. My "
        "friend called an ambulance.",
    },
    {
        "by": "self",
        "weight": 3,
        "strands": ["race"],
        "types": ["spitting", "verbal_abuse"],
        "place": "public_transport",
        "text": "A man spat at me on the tram after asking where I was from. The driver did not "
        "stop.",
    },
    {
        "by": "self",
        "weight": 3,
        "strands": ["race"],
        "types": ["property_damage"],
        "place": "home",
        "damaged": True,
        "text": "Our car windows were smashed overnight and someone scratched racist words on "
        "the door.",
    },
    {
        "by": "self",
        "weight": 3,
        "strands": ["race"],
        "types": ["graffiti"],
        "place": "home",
        "damaged": True,
        "text": "Racist graffiti was sprayed on the wall of our house. The words said we should "
        "go home.",
    },
    {
        "by": "self",
        "weight": 3,
        "strands": ["race"],
        "types": ["online_abuse", "threats"],
        "online": "Facebook",
        "threatened": True,
        "text": "A local page shared a photo of our shop with comments saying people should "
        "stop coming because we are Polish. Some comments say they know where we live.",
    },
    {
        "by": "self",
        "weight": 2,
        "strands": ["race"],
        "types": ["online_abuse", "harassment"],
        "online": "An online game",
        "text": "In a game chat a player kept sending me racist messages, then found my real "
        "name and posted it.",
    },
    {
        "by": "self",
        "weight": 2,
        "strands": ["race"],
        "types": ["something_else"],
        "place": "shop",
        "text": "The security guard followed me round the shop and then told me to leave, "
        "saying 'your lot steal'. I had not done anything.",
    },
    {
        "by": "self",
        "weight": 2,
        "strands": ["race"],
        "types": ["something_else"],
        "place": "home",
        "period": True,
        "text": "I keep finding leaflets through my door with hateful things about Roma "
        "people. I do not know who is sending them.",
    },
    {
        "by": "self",
        "weight": 2,
        "strands": ["race"],
        "types": ["verbal_abuse", "threats"],
        "place": "work",
        "threatened": True,
        "text": "I drive a taxi. A passenger refused to pay, called me racist names and said he "
        "would get my licence taken away.",
    },
    {
        "by": "self",
        "weight": 2,
        "strands": [],
        "not_sure": True,
        "types": ["harassment"],
        "place": "home",
        "period": True,
        "text": "Someone keeps ringing our doorbell late at night and running off. I do not "
        "know why, but we are the only Black family on the road.",
    },
    # Religion or belief.
    {
        "by": "self",
        "weight": 4,
        "strands": ["religion", "race"],
        "types": ["physical_assault", "verbal_abuse"],
        "place": "street",
        "injured": True,
        "text": "A woman pulled my headscarf off in the high street and pushed me into the "
        "wall. I hurt my shoulder.",
    },
    {
        "by": "self",
        "weight": 4,
        "strands": ["religion", "race"],
        "types": ["verbal_abuse", "harassment"],
        "place": "street",
        "text": "Two teenagers followed me for a few minutes calling me names about my "
        "headscarf. I was with my daughter and she was very upset.",
    },
    {
        "by": "self",
        "weight": 4,
        "strands": ["religion"],
        "types": ["online_abuse"],
        "online": "Facebook",
        "text": "After I posted about Eid in a local group, I got dozens of messages telling me "
        "to leave the country. Some are from people who live near me.",
    },
    {
        "by": "self",
        "weight": 3,
        "strands": ["religion"],
        "types": ["graffiti"],
        "place": "place_of_worship",
        "text": "Stickers with anti-Muslim messages were put on the lampposts and on the gate "
        "outside our mosque.",
    },
    {
        "by": "self",
        "weight": 2,
        "strands": ["religion"],
        "types": ["property_damage"],
        "place": "place_of_worship",
        "damaged": True,
        "text": "The sign outside the gurdwara was pulled down and broken, and the plants were "
        "pulled up. It happened at night.",
    },
    {
        "by": "self",
        "weight": 3,
        "strands": ["religion", "race"],
        "types": ["verbal_abuse"],
        "place": "public_transport",
        "text": "A man on the train kept saying my turban was a bomb and asking other "
        "passengers to move away from me.",
    },
    {
        "by": "self",
        "weight": 2,
        "strands": ["religion"],
        "types": ["threats"],
        "place": "place_of_worship",
        "threatened": True,
        "text": "Someone left a note at the synagogue office saying Jewish people would be hurt. "
        "We have kept the note.",
    },
    {
        "by": "self",
        "weight": 1,
        "strands": ["religion"],
        "types": ["theft"],
        "place": "place_of_worship",
        "text": "My bike was taken from outside the mosque and the lock was cut. A note was "
        "left saying we were not welcome here.",
    },
    # Sexual orientation.
    {
        "by": "self",
        "weight": 4,
        "strands": ["sexual_orientation"],
        "types": ["verbal_abuse"],
        "place": "pub_restaurant",
        "text": "A group of men outside the pub shouted homophobic names at me and my partner "
        "because we were holding hands. One of them threw a drink at us.",
    },
    {
        "by": "self",
        "weight": 2,
        "strands": ["sexual_orientation"],
        "types": ["graffiti", "property_damage"],
        "place": "home",
        "damaged": True,
        "text": "Someone sprayed homophobic words on our garage door. We have lived here eight "
        "years and never had trouble before.",
    },
    {
        "by": "self",
        "weight": 2,
        "strands": ["sexual_orientation"],
        "types": ["physical_assault", "theft"],
        "place": "street",
        "injured": True,
        "text": "I was walking home from a night out when two men asked if I was gay, then hit "
        "me and took my phone.",
    },
    {
        "by": "self",
        "weight": 2,
        "strands": ["sexual_orientation"],
        "types": ["online_abuse", "threats"],
        "online": "A dating app",
        "threatened": True,
        "secret": True,
        "text": "A man I was talking to on a dating app said he would tell my family I am gay "
        "unless I sent him money.",
    },
    # Transgender identity.
    {
        "by": "self",
        "weight": 2,
        "strands": ["transgender"],
        "types": ["online_abuse"],
        "online": "X (Twitter)",
        "secret": True,
        "text": "Someone made a fake account with my photo and is posting lies about me being "
        "trans. People from my work have seen it.",
    },
    {
        "by": "self",
        "weight": 2,
        "strands": ["transgender"],
        "types": ["verbal_abuse", "harassment"],
        "place": "public_transport",
        "text": "A group of lads on the bus kept asking if I was a man or a woman and filming "
        "me. They followed me off the bus.",
    },
    {
        "by": "self",
        "weight": 1,
        "strands": ["transgender"],
        "types": ["spitting", "verbal_abuse"],
        "place": "street",
        "text": "A woman spat at me in the street and called me a freak. I was on my way to work.",
    },
    # Disability.
    {
        "by": "self",
        "weight": 3,
        "strands": ["disability"],
        "types": ["harassment"],
        "place": "public_transport",
        "period": True,
        "text": "The same man waits at the bus stop most mornings and makes comments about my "
        "disability. Now I take a taxi, which I cannot afford.",
    },
    {
        "by": "self",
        "weight": 1,
        "strands": ["disability"],
        "types": ["spitting", "verbal_abuse"],
        "place": "public_transport",
        "text": "A passenger spat towards me and my wheelchair and said I was wasting space.",
    },
    {
        "by": "self",
        "weight": 2,
        "strands": ["disability"],
        "types": ["something_else"],
        "place": "street",
        "text": "A taxi driver refused to take me because of my guide dog and was very rude "
        "about my sight.",
    },
    {
        "by": "self",
        "weight": 2,
        "strands": ["disability"],
        "types": ["theft", "harassment"],
        "place": "home",
        "known": True,
        "period": True,
        "offender": "Two people I used to think were my friends. I know their first names.",
        "text": "People I thought were friends keep coming round and taking money from me. They "
        "laugh at me and call me names about my learning disability.",
    },
    # Local markers: only offered where the area records them.
    {
        "by": "self",
        "weight": 8,
        "strands": ["sex_gender"],
        "types": ["verbal_abuse", "harassment"],
        "place": "street",
        "text": "A group of men followed me from the station making sexual comments, and "
        "shouted at me when I told them to stop.",
    },
    {
        "by": "self",
        "weight": 4,
        "strands": ["sex_gender", "religion"],
        "types": ["online_abuse"],
        "online": "Instagram",
        "text": "Since I spoke at a council meeting I get messages every day about me being a "
        "woman and a Muslim, telling me to know my place.",
    },
    {
        "by": "self",
        "weight": 10,
        "strands": ["alternative_subculture"],
        "types": ["physical_assault", "verbal_abuse"],
        "place": "street",
        "injured": True,
        "text": "My friends and I were in the park and a group started shouting at us for being "
        "goths. One of them kicked my friend.",
    },
    {
        "by": "on_behalf",
        "weight": 10,
        "strands": ["age"],
        "types": ["theft", "verbal_abuse"],
        "place": "home",
        "known": True,
        "period": True,
        "offender": "A man who comes to do odd jobs for my father.",
        "text": "A man who does odd jobs keeps shouting at my father about being old and "
        "useless, and money has gone missing from the house.",
    },
    {
        "by": "self",
        "weight": 6,
        "strands": ["other"],
        "types": ["verbal_abuse"],
        "place": "street",
        "other": "Because I am homeless",
        "text": "People shout at me because I am homeless and sleep in a shop doorway. Last week "
        "someone kicked my bag into the road.",
    },
    # Told by a witness or by someone acting for the victim.
    {
        "by": "witness",
        "weight": 6,
        "strands": ["race"],
        "types": ["verbal_abuse"],
        "place": "public_transport",
        "text": "I was on the bus when a passenger started shouting at a woman and her "
        "children, telling them to go back where they came from. She looked very frightened.",
    },
    {
        "by": "witness",
        "weight": 3,
        "strands": ["disability"],
        "types": ["harassment"],
        "place": "street",
        "text": "A group of teenagers were calling a disabled man names and filming him on their "
        "phones outside the shops.",
    },
    {
        "by": "witness",
        "weight": 2,
        "strands": ["religion"],
        "types": ["graffiti"],
        "place": "place_of_worship",
        "text": "I saw someone spray graffiti about Muslims on the wall of the community centre "
        "at about 11pm.",
    },
    {
        "by": "witness",
        "weight": 3,
        "strands": ["race"],
        "types": ["harassment", "verbal_abuse"],
        "place": "near_home",
        "period": True,
        "known": True,
        "offender": "The man who lives at the end of our road.",
        "text": "My neighbour keeps shouting at the family next door because they are "
        "Romanian. I am worried for them and their children.",
    },
    {
        "by": "on_behalf",
        "weight": 3,
        "strands": ["race", "religion"],
        "types": ["physical_assault"],
        "place": "shop",
        "text": "I am reporting for my mother, who does not speak much English. A man pushed "
        "her in the shop and said she should go back home.",
    },
    {
        "by": "on_behalf",
        "weight": 2,
        "strands": ["sexual_orientation"],
        "types": ["physical_assault", "verbal_abuse"],
        "place": "education",
        "injured": True,
        "known": True,
        "offender": "Pupils in his year at school.",
        "text": "I am reporting for my son. Other pupils have been calling him names about "
        "being gay and one of them hit him.",
    },
    {
        "by": "on_behalf",
        "weight": 2,
        "strands": ["race"],
        "types": ["verbal_abuse", "harassment"],
        "place": "education",
        "period": True,
        "known": True,
        "offender": "Pupils in her class.",
        "text": "I am reporting for my daughter. Other pupils keep making monkey noises at her "
        "at school. The school says it is banter.",
    },
    {
        "by": "witness",
        "weight": 1,
        "strands": ["transgender"],
        "types": ["online_abuse"],
        "online": "TikTok",
        "text": "Someone posted a video of a trans woman being abused near the station, with "
        "comments egging it on. I think it happened this week.",
    },
]

LOCATION_DETAILS = {
    "street": ["On the high street near the bank", "By the park gates", "Outside the chip shop"],
    "near_home": ["At the end of our road", "On the path behind the flats"],
    "home": ["At our front door", "Through the letterbox", "In our front garden"],
    "public_transport": [
        "On the bus into town",
        "On the tram at the city centre stop",
        "On the platform at the station",
    ],
    "shop": ["In the corner shop", "In the supermarket by the tills"],
    "work": ["At the till where I work", "In my taxi"],
    "pub_restaurant": ["Outside the pub", "In the takeaway"],
    "place_of_worship": ["At the front gate", "In the car park"],
    "education": ["In the playground", "On the way home from school"],
}

OFFENDER_DESCRIPTIONS = [
    "White man, about 40, grey hoodie, shaved head.",
    "Group of four or five teenagers, two of them on bikes.",
    "Woman in her fifties with a small dog.",
    "Two men in their twenties, one with a tattoo on his neck.",
    "I could not see, it was dark.",
    "Tall man with a beard and a black puffer jacket.",
    "The account name is on the screenshots.",
]

HARM_DETAILS = [
    "I am very shaken and have not been sleeping.",
    "My children are scared to play outside now.",
    "Bruised shoulder. I went to the walk-in centre.",
    "The window cost £180 to replace.",
    "I have stopped going out on my own after dark.",
    "I feel anxious every time I get on the bus.",
    "I had to take two days off work.",
]

SUPPORT_NEEDS = [
    "Someone to talk to in my language.",
    "Help getting the graffiti cleaned off.",
    "Advice on staying safe on the way to work.",
    "My child needs help at school.",
    "I would like a better lock on the back gate.",
    "I don't know. I just want it to stop.",
    "Help with moving to a different flat.",
]

SAFE_TIMES = [
    "Weekdays 9am to 3pm, while the children are at school",
    "After 6pm",
    "Any time",
    "Mornings only",
    "Not at weekends",
    "12 to 2pm, my lunch break",
]

OTHER_NEEDS = [
    "I use a wheelchair: meetings on the ground floor, please.",
    "I have anxiety. Please explain things slowly and write them down.",
    "I lip-read: please face me when you speak.",
]

# --- Casework -------------------------------------------------------------------------------

THRIVE_INVESTIGATION = [
    "CCTV from nearby shops; house-to-house on the street.",
    "Screenshots provided; ask the platform for the account details.",
    "Offender named by the victim; arrange a voluntary interview.",
    "Witness on the bus gave details; bus company CCTV requested.",
    "No lines of enquiry beyond the victim's account; record and safeguard.",
]

THRIVE_VULNERABILITY = [
    "Victim lives alone and is anxious about going out.",
    "Repeat victim: third report from this address.",
    "Victim has limited English; interpreter needed.",
    "Victim has a learning disability.",
    "Young children in the household.",
    "No vulnerability identified beyond the hate element.",
]

THRIVE_ENGAGEMENT = [
    "Victim wants updates by text only, never voicemail.",
    "Victim willing to give a statement.",
    "Victim does not want to go to court but wants the behaviour to stop.",
    "Centre is the go-between: contact through the volunteer.",
]

REASSESSMENT_REASONS = [
    "Victim reports further incidents since the first report.",
    "Suspect identified and lives on the same road: risk raised.",
    "Suspect arrested and bailed with conditions: risk reduced.",
    "Victim has moved to temporary accommodation.",
]

INTERNAL_NOTES = [
    "Checked for previous reports at this address: none found.",
    "CCTV requested from the shop manager.",
    "CCTV viewed: offender not identifiable.",
    "House-to-house enquiries done; one witness found.",
    "Statement taken from the victim with an interpreter.",
    "Screenshots saved to the case file.",
    "Request sent to the platform for the account details.",
    "Neighbourhood team asked for reassurance patrols in the street.",
    "Spoke to the school's safeguarding lead.",
    "Housing officer told, with the victim's agreement.",
    "Discussed at the daily threat review; no community tension concerns.",
    "Council asked to remove the graffiti.",
]

ACKNOWLEDGEMENT = (
    "Thank you for your report. An officer has read it and will look into what happened. We "
    "will keep you updated in the way you asked."
)

ROUTINE_UPDATES = [
    "We are still working on your report. We have asked local shops for camera footage and will "
    "tell you what we find.",
    "Officers have spoken to people who live nearby. We will contact you again within four weeks.",
    "We have not forgotten your report. We are waiting for information from the website where "
    "the messages were posted.",
    "Local officers will be walking past your home more often over the next few weeks.",
    "Nothing new to tell you yet, but your report is still open and an officer is working on it.",
]

KEY_EVENT_NOTES = {
    "arrested": "Suspect arrested.",
    "interviewed": "Suspect interviewed.",
    "released": "Suspect released on bail with conditions not to contact the victim.",
    "charged": "CPS authorised charge; suspect charged.",
    "out_of_court": "Out-of-court disposal agreed, with the victim's views taken into account.",
    "not_prosecuted": "CPS advice: no prosecution.",
    "not_investigated": "Decision: no further investigation at this time.",
}

KEY_EVENT_MESSAGES = {
    "arrested": "Someone has been arrested in connection with your report.",
    "interviewed": "The person we believe was involved has been interviewed.",
    "released": "The person who was arrested has been released while we carry on looking into "
    "what happened. They must not contact you. Please tell us if they do.",
    "charged": "The person has been charged and will go to court. We will tell you the date.",
    "out_of_court": "The person has agreed to make amends without going to court: they must "
    "apologise and take part in a course.",
    "not_prosecuted": "The prosecutors have decided not to take the case to court. We can "
    "explain why, and you can ask for the decision to be looked at again.",
    "not_investigated": "We cannot take your report further at the moment. We have kept it, and "
    "it helps us understand what is happening in your area.",
}

# Home Office outcome types the demo uses, how often, whether the suspect is known, and the
# key event the victim must be told of.
OUTCOME_PLANS = [
    (1, 8, True, "charged"),
    (3, 4, True, "out_of_court"),
    (8, 9, True, "out_of_court"),
    (22, 2, True, "out_of_court"),
    (14, 10, False, "not_investigated"),
    (15, 8, True, "not_prosecuted"),
    (16, 14, True, "not_investigated"),
    (18, 36, False, "not_investigated"),
    (20, 4, True, ""),
    (21, 3, True, "not_investigated"),
]

OUTCOME_NOTES = {
    1: "Charged with a racially or religiously aggravated public order offence.",
    3: "Adult caution accepted; victim's views recorded.",
    8: "Community resolution: written apology and referral to restorative justice.",
    22: "Youth diversion course agreed with the youth offending team.",
    14: "No suspect identified; victim does not want further action.",
    15: "Suspect identified; evidence not enough for a charge on CPS advice.",
    16: "Suspect identified; victim does not support further action.",
    18: "Investigation complete: CCTV and house-to-house found no suspect.",
    20: "Passed to the housing provider, who is taking tenancy action.",
    21: "Further investigation not in the public interest: one-off remark, suspect has apologised.",
}

OUTCOME_MESSAGES = {
    True: "We have finished looking into your report, and the person responsible has been "
    "dealt with. Thank you for telling us. Please contact us if anything else happens.",
    False: "We have finished looking into your report. We could not take it further this "
    "time, but we have kept it, and it helps us protect people in your area. Please contact us "
    "if anything else happens.",
}

AUTHORISATION_REQUESTS = [
    "Suspect identified, but the victim does not support a prosecution and does not want to "
    "give a statement. Requesting no further action.",
    "Suspect identified from CCTV, but CPS advice is that the evidence does not support a "
    "charge. Requesting no further action.",
    "Suspect has apologised in interview; one-off remark and no previous record. Requesting no "
    "further action.",
]

AUTHORISATION_APPROVALS = [
    "Agreed. Victim's wishes recorded and safeguarding in place.",
    "Agreed: proportionate given CPS advice.",
]

AUTHORISATION_REFUSALS = [
    "Not yet. The offender is identified on CCTV: seek CPS charging advice first.",
    "Consider a community resolution: the victim said they want an apology.",
]

NCHI_RATIONALES = {
    True: "Subject has made repeated comments to the same family: real risk of escalation to "
    "an offence. Subject's details kept.",
    False: "One-off remark with no risk of significant harm or of a future offence. Subject's "
    "personal data not recorded.",
}

DOWNGRADE_REASONS = [
    "Victim asked for routine updates only and is not vulnerable or intimidated; discussed and "
    "agreed with the victim.",
]
