"""The strands of hostility every installation starts with, in every language of the site.

Loaded by `manage.py load_reference_data`, which creates what is missing and never changes
what an administrator has edited. The wording is for the victim: plain, no police terms.

The translations are drafts that no native speaker has reviewed yet; administrators correct
them in the admin, and the loader keeps their corrections.
"""

# The five nationally monitored strands.
NATIONAL_STRANDS = [
    {
        "code": "race",
        "order": 1,
        "name": {
            "en": "Race",
            "cy": "Hil",
            "ur": "نسل",
            "pa": "ਨਸਲ",
            "bn": "জাতি বা বর্ণ",
            "ar": "العِرق",
            "ro": "Rasă sau etnie",
            "pl": "Rasa lub pochodzenie etniczne",
            "so": "Isir ama midab",
            "ps": "نژاد",
        },
        "description": {
            "en": "Your skin colour, nationality, ethnic group, or where you or your family "
            "come from. This includes Gypsy, Roma and Traveller people.",
            "cy": "Lliw eich croen, eich cenedligrwydd, eich grŵp ethnig, neu o ble rydych chi "
            "neu eich teulu'n dod. Mae hyn yn cynnwys Sipsiwn, Roma a Theithwyr.",
            "ur": "آپ کی جلد کا رنگ، قومیت، نسلی گروہ، یا یہ کہ آپ یا آپ کا خاندان کہاں سے "
            "ہے۔ اس میں جپسی، روما اور ٹریولر لوگ بھی شامل ہیں۔",
            "pa": "ਤੁਹਾਡੀ ਚਮੜੀ ਦਾ ਰੰਗ, ਕੌਮੀਅਤ, ਨਸਲੀ ਸਮੂਹ, ਜਾਂ ਤੁਸੀਂ ਜਾਂ ਤੁਹਾਡਾ ਪਰਿਵਾਰ ਕਿੱਥੋਂ "
            "ਹੈ। ਇਸ ਵਿੱਚ ਜਿਪਸੀ, ਰੋਮਾ ਅਤੇ ਟ੍ਰੈਵਲਰ ਲੋਕ ਵੀ ਸ਼ਾਮਲ ਹਨ।",
            "bn": "আপনার গায়ের রং, জাতীয়তা, জাতিগোষ্ঠী, বা আপনি বা আপনার পরিবার কোথা থেকে "
            "এসেছেন। জিপসি, রোমা ও ট্রাভেলার মানুষরাও এর মধ্যে পড়েন।",
            "ar": "لون بشرتك أو جنسيتك أو مجموعتك العرقية أو البلد الذي أتيت منه أنت أو عائلتك. "
            "ويشمل ذلك الغجر والروما والرحّالة.",
            "ro": "Culoarea pielii, naționalitatea, grupul etnic sau țara din care veniți "
            "dumneavoastră sau familia dumneavoastră. Include și romii și comunitățile Gypsy "
            "și Traveller.",
            "pl": "Kolor skóry, narodowość, grupa etniczna albo kraj, z którego pochodzisz ty "
            "lub twoja rodzina. Dotyczy to także Romów oraz społeczności Gypsy i Traveller.",
            "so": "Midabka maqaarkaaga, dhalashadaada, qowmiyaddaada, ama meesha adiga ama "
            "qoyskaagu ka yimaadeen. Waxaa ku jira dadka Gypsy, Roma iyo Traveller.",
            "ps": "ستاسو د پوستکي رنګ، تابعیت، قومي ډله، یا دا چې تاسو یا ستاسو کورنۍ له کوم "
            "ځای څخه راغلي یاست. جپسي، روما او ټراولر خلک هم په دې کې شامل دي.",
        },
    },
    {
        "code": "religion",
        "order": 2,
        "name": {
            "en": "Religion or belief",
            "cy": "Crefydd neu gred",
            "ur": "مذہب یا عقیدہ",
            "pa": "ਧਰਮ ਜਾਂ ਵਿਸ਼ਵਾਸ",
            "bn": "ধর্ম বা বিশ্বাস",
            "ar": "الدين أو المعتقد",
            "ro": "Religie sau credință",
            "pl": "Religia lub światopogląd",
            "so": "Diin ama caqiido",
            "ps": "دین یا عقیده",
        },
        "description": {
            "en": "Your religion or faith, or having no religion. For example being Muslim, "
            "Jewish, Sikh, Hindu or Christian.",
            "cy": "Eich crefydd neu'ch ffydd, neu beidio â bod â chrefydd. Er enghraifft, bod "
            "yn Fwslim, yn Iddew, yn Sikh, yn Hindŵ neu'n Gristion.",
            "ur": "آپ کا مذہب یا عقیدہ، یا کسی مذہب کو نہ ماننا۔ مثال کے طور پر مسلمان، یہودی، "
            "سکھ، ہندو یا عیسائی ہونا۔",
            "pa": "ਤੁਹਾਡਾ ਧਰਮ ਜਾਂ ਵਿਸ਼ਵਾਸ, ਜਾਂ ਕਿਸੇ ਧਰਮ ਨੂੰ ਨਾ ਮੰਨਣਾ। ਜਿਵੇਂ ਮੁਸਲਮਾਨ, ਯਹੂਦੀ, "
            "ਸਿੱਖ, ਹਿੰਦੂ ਜਾਂ ਈਸਾਈ ਹੋਣਾ।",
            "bn": "আপনার ধর্ম বা বিশ্বাস, অথবা কোনো ধর্ম না মানা। যেমন মুসলিম, ইহুদি, শিখ, হিন্দু বা খ্রিস্টান হওয়া।",
            "ar": "دينك أو عقيدتك، أو أنك لا تتبع أي دين. مثلًا أن تكون مسلمًا أو يهوديًا أو "
            "سيخيًا أو هندوسيًا أو مسيحيًا.",
            "ro": "Religia sau credința dumneavoastră, sau faptul că nu aveți o religie. De "
            "exemplu, faptul că sunteți musulman, evreu, sikh, hindus sau creștin.",
            "pl": "Twoja religia lub wiara albo brak religii. Na przykład bycie muzułmaninem, "
            "Żydem, sikhem, hinduistą lub chrześcijaninem.",
            "so": "Diintaada ama caqiidadaada, ama inaadan diin lahayn. Tusaale ahaan inaad "
            "tahay Muslim, Yuhuudi, Sikh, Hindu ama Masiixi.",
            "ps": "ستاسو دین یا عقیده، یا دا چې هېڅ دین نه منئ. د بېلګې په توګه مسلمان، یهودي، "
            "سیک، هندو یا عیسوي اوسېدل.",
        },
    },
    {
        "code": "sexual_orientation",
        "order": 3,
        "name": {
            "en": "Sexual orientation",
            "cy": "Cyfeiriadedd rhywiol",
            "ur": "جنسی رجحان",
            "pa": "ਜਿਨਸੀ ਰੁਝਾਨ",
            "bn": "যৌন অভিমুখিতা",
            "ar": "التوجّه الجنسي",
            "ro": "Orientare sexuală",
            "pl": "Orientacja seksualna",
            "so": "Jihada galmada",
            "ps": "جنسي تمایل",
        },
        "description": {
            "en": "Being gay, lesbian, bisexual or straight, or someone thinking you are.",
            "cy": "Bod yn hoyw, yn lesbiad, yn ddeurywiol neu'n strêt, neu fod rhywun yn "
            "meddwl eich bod chi.",
            "ur": "گے، لیزبین، بائی سیکشوئل یا سٹریٹ ہونا، یا کسی کا یہ سمجھنا کہ آپ ایسے ہیں۔",
            "pa": "ਗੇਅ, ਲੈਸਬੀਅਨ, ਬਾਇਸੈਕਸੁਅਲ ਜਾਂ ਸਟ੍ਰੇਟ ਹੋਣਾ, ਜਾਂ ਕਿਸੇ ਦਾ ਇਹ ਸੋਚਣਾ ਕਿ ਤੁਸੀਂ ਅਜਿਹੇ ਹੋ।",
            "bn": "গে, লেসবিয়ান, বাইসেক্সুয়াল বা স্ট্রেট হওয়া, অথবা কেউ মনে করে যে আপনি তা।",
            "ar": "أن تكون مثليًا أو مثلية أو مزدوج الميول أو مغاير الجنس، أو أن يظن أحدهم "
            "أنك كذلك.",
            "ro": "Faptul că sunteți gay, lesbiană, bisexual sau heterosexual, sau că cineva "
            "crede că sunteți.",
            "pl": "Bycie gejem, lesbijką, osobą biseksualną lub heteroseksualną albo to, że "
            "ktoś tak o tobie myśli.",
            "so": "Inaad tahay gay, lesbian, bisexual ama straight, ama qof uu u malaynayo "
            "inaad sidaas tahay.",
            "ps": "ګې، لیزبین، دوه‌جنسګرا یا سټریټ اوسېدل، یا دا چې څوک فکر کوي چې تاسو داسې یاست.",
        },
    },
    {
        "code": "disability",
        "order": 4,
        "name": {
            "en": "Disability",
            "cy": "Anabledd",
            "ur": "معذوری",
            "pa": "ਅਪੰਗਤਾ",
            "bn": "প্রতিবন্ধিতা",
            "ar": "الإعاقة",
            "ro": "Dizabilitate",
            "pl": "Niepełnosprawność",
            "so": "Naafonimo",
            "ps": "معلولیت",
        },
        "description": {
            "en": "A physical or learning disability, a mental health condition, or being "
            "deaf, blind or neurodivergent.",
            "cy": "Anabledd corfforol neu anabledd dysgu, cyflwr iechyd meddwl, neu fod yn "
            "fyddar, yn ddall neu'n niwrowahanol.",
            "ur": "جسمانی معذوری یا سیکھنے میں معذوری، ذہنی صحت کا مسئلہ، یا بہرا، نابینا یا "
            "نیورو ڈائیورجنٹ ہونا۔",
            "pa": "ਸਰੀਰਕ ਜਾਂ ਸਿੱਖਣ ਸੰਬੰਧੀ ਅਪੰਗਤਾ, ਮਾਨਸਿਕ ਸਿਹਤ ਦੀ ਸਮੱਸਿਆ, ਜਾਂ ਬੋਲ਼ਾ, ਅੰਨ੍ਹਾ ਜਾਂ "
            "ਨਿਊਰੋਡਾਇਵਰਜੈਂਟ ਹੋਣਾ।",
            "bn": "শারীরিক বা শেখার প্রতিবন্ধিতা, মানসিক স্বাস্থ্যের সমস্যা, অথবা বধির, অন্ধ বা নিউরোডাইভারজেন্ট হওয়া।",
            "ar": "إعاقة جسدية أو إعاقة في التعلّم، أو مشكلة في الصحة النفسية، أو أن تكون أصمّ "
            "أو كفيفًا أو من ذوي التنوّع العصبي.",
            "ro": "O dizabilitate fizică sau de învățare, o problemă de sănătate mintală, sau "
            "faptul că sunteți surd, nevăzător sau neurodivergent.",
            "pl": "Niepełnosprawność fizyczna lub intelektualna, problemy ze zdrowiem "
            "psychicznym, głuchota, ślepota albo neuroróżnorodność.",
            "so": "Naafonimo jireed ama mid xagga waxbarashada ah, dhibaato caafimaadka "
            "maskaxda ah, ama inaadan maqlin, aadan arkin ama aad tahay neurodivergent.",
            "ps": "جسمي معلولیت یا د زده کړې معلولیت، د رواني روغتیا ستونزه، یا کوڼ، ړوند یا "
            "نیوروډایورجنټ اوسېدل.",
        },
    },
    {
        "code": "transgender",
        "order": 5,
        "name": {
            "en": "Transgender identity",
            "cy": "Hunaniaeth drawsryweddol",
            "ur": "ٹرانس جینڈر شناخت",
            "pa": "ਟ੍ਰਾਂਸਜੈਂਡਰ ਪਛਾਣ",
            "bn": "ট্রান্সজেন্ডার পরিচয়",
            "ar": "هوية العابرين جنسيًا",
            "ro": "Identitate transgender",
            "pl": "Tożsamość transpłciowa",
            "so": "Aqoonsiga transgender",
            "ps": "ټرانسجنډر هویت",
        },
        "description": {
            "en": "Being trans or non-binary, or cross-dressing, or someone thinking you are.",
            "cy": "Bod yn draws neu'n anneuaidd, neu'n trawswisgo, neu fod rhywun yn meddwl "
            "eich bod chi.",
            "ur": "ٹرانس یا نان بائنری ہونا، یا مخالف جنس کا لباس پہننا، یا کسی کا یہ سمجھنا "
            "کہ آپ ایسے ہیں۔",
            "pa": "ਟ੍ਰਾਂਸ ਜਾਂ ਨਾਨ-ਬਾਇਨਰੀ ਹੋਣਾ, ਜਾਂ ਦੂਜੇ ਲਿੰਗ ਦੇ ਕੱਪੜੇ ਪਾਉਣਾ, ਜਾਂ ਕਿਸੇ ਦਾ ਇਹ ਸੋਚਣਾ ਕਿ ਤੁਸੀਂ ਅਜਿਹੇ ਹੋ।",
            "bn": "ট্রান্স বা নন-বাইনারি হওয়া, বা অন্য লিঙ্গের পোশাক পরা, অথবা কেউ মনে করে যে আপনি তা।",
            "ar": "أن تكون عابرًا جنسيًا أو غير ثنائي الجنس، أو أن ترتدي ملابس الجنس الآخر، "
            "أو أن يظن أحدهم أنك كذلك.",
            "ro": "Faptul că sunteți o persoană trans sau non-binară ori vă îmbrăcați în "
            "hainele celuilalt sex, sau că cineva crede asta despre dumneavoastră.",
            "pl": "Bycie osobą transpłciową lub niebinarną albo noszenie ubrań kojarzonych z "
            "inną płcią, lub to, że ktoś tak o tobie myśli.",
            "so": "Inaad tahay trans ama non-binary, ama aad xidhato dharka jinsiga kale, ama "
            "qof uu u malaynayo inaad sidaas tahay.",
            "ps": "ټرانس یا نان‌باینري اوسېدل، یا د بل جنس جامې اغوستل، یا دا چې څوک فکر کوي "
            "چې تاسو داسې یاست.",
        },
    },
]

# Local markers: an area switches them on in the admin (Strand.areas).
LOCAL_MARKERS = [
    {
        "code": "sex_gender",
        "order": 1,
        "name": {
            "en": "Sex or gender (misogyny)",
            "cy": "Rhyw neu rywedd (casineb at fenywod)",
            "ur": "جنس (عورتوں سے نفرت)",
            "pa": "ਲਿੰਗ (ਔਰਤਾਂ ਨਾਲ ਨਫ਼ਰਤ)",
            "bn": "লিঙ্গ (নারীবিদ্বেষ)",
            "ar": "الجنس (كراهية النساء)",
            "ro": "Sex sau gen (misoginie)",
            "pl": "Płeć (mizoginia)",
            "so": "Jinsi (nacaybka haweenka)",
            "ps": "جنس (له ښځو کرکه)",
        },
        "description": {
            "en": "Being targeted because you are a woman or a girl, or because of your sex "
            "or gender.",
            "cy": "Cael eich targedu am eich bod yn fenyw neu'n ferch, neu oherwydd eich rhyw "
            "neu'ch rhywedd.",
            "ur": "اس لیے نشانہ بنایا جانا کہ آپ عورت یا لڑکی ہیں، یا آپ کی جنس کی وجہ سے۔",
            "pa": "ਤੁਹਾਨੂੰ ਇਸ ਲਈ ਨਿਸ਼ਾਨਾ ਬਣਾਇਆ ਗਿਆ ਕਿਉਂਕਿ ਤੁਸੀਂ ਔਰਤ ਜਾਂ ਕੁੜੀ ਹੋ, ਜਾਂ ਤੁਹਾਡੇ ਲਿੰਗ ਕਰਕੇ।",
            "bn": "আপনি নারী বা মেয়ে বলে, অথবা আপনার লিঙ্গের কারণে আপনাকে নিশানা করা হয়েছে।",
            "ar": "أن يتم استهدافك لأنكِ امرأة أو فتاة، أو بسبب جنسك.",
            "ro": "Ați fost vizat(ă) pentru că sunteți femeie sau fată, ori din cauza sexului "
            "sau genului dumneavoastră.",
            "pl": "Ktoś cię zaatakował, bo jesteś kobietą lub dziewczyną, albo z powodu twojej "
            "płci.",
            "so": "In lagu beegsaday sababtoo ah waxaad tahay haweeney ama gabadh, ama "
            "jinsigaaga awgiis.",
            "ps": "تاسو ځکه په نښه شوي یاست چې ښځه یا نجلۍ یاست، یا ستاسو د جنس له امله.",
        },
    },
    {
        "code": "alternative_subculture",
        "order": 2,
        "name": {
            "en": "Alternative subculture",
            "cy": "Isddiwylliant amgen",
            "ur": "متبادل طرزِ زندگی",
            "pa": "ਵੱਖਰਾ ਪਹਿਰਾਵਾ ਜਾਂ ਜੀਵਨ-ਸ਼ੈਲੀ",
            "bn": "ভিন্ন ধারার জীবনধারা",
            "ar": "ثقافة فرعية بديلة",
            "ro": "Subcultură alternativă",
            "pl": "Subkultura alternatywna",
            "so": "Dhaqan-hoosaad kale",
            "ps": "بدیل فرعي کلتور",
        },
        "description": {
            "en": "How you dress or look, or the music and lifestyle you follow, such as "
            "goths, emos, punks or metal fans.",
            "cy": "Sut rydych chi'n gwisgo neu'n edrych, neu'r gerddoriaeth a'r ffordd o fyw "
            "rydych chi'n eu dilyn, fel gothiaid, emos, pyncs neu ffans metel.",
            "ur": "آپ کا لباس یا حلیہ، یا وہ موسیقی اور طرزِ زندگی جو آپ اپناتے ہیں، جیسے گوتھ، "
            "ایمو، پنک یا میٹل کے شوقین۔",
            "pa": "ਤੁਸੀਂ ਕਿਵੇਂ ਕੱਪੜੇ ਪਾਉਂਦੇ ਹੋ ਜਾਂ ਕਿਵੇਂ ਦਿਖਦੇ ਹੋ, ਜਾਂ ਤੁਹਾਡਾ ਸੰਗੀਤ ਅਤੇ "
            "ਜੀਵਨ-ਢੰਗ, ਜਿਵੇਂ ਗੌਥ, ਈਮੋ, ਪੰਕ ਜਾਂ ਮੈਟਲ ਸੰਗੀਤ ਦੇ ਸ਼ੌਕੀਨ।",
            "bn": "আপনি কীভাবে পোশাক পরেন বা দেখতে কেমন, অথবা আপনার পছন্দের গান ও জীবনধারা, "
            "যেমন গথ, ইমো, পাঙ্ক বা মেটাল গানের ভক্ত।",
            "ar": "طريقة لباسك أو مظهرك، أو الموسيقى وأسلوب الحياة الذي تتبعه، مثل القوط "
            "والإيمو والبانك ومحبّي موسيقى الميتال.",
            "ro": "Felul în care vă îmbrăcați sau arătați, sau muzica și stilul de viață pe care "
            "le urmați, de exemplu goth, emo, punk sau fani ai muzicii metal.",
            "pl": "Twój ubiór lub wygląd albo muzyka i styl życia, które wybierasz, na przykład "
            "goci, emo, punki czy fani metalu.",
            "so": "Sida aad u labbisato ama u egtahay, ama muusigga iyo qaab nololeedka aad "
            "raacdo, sida goth, emo, punk ama taageerayaasha muusigga metal.",
            "ps": "تاسو څنګه جامې اغوندئ یا څنګه ښکارئ، یا هغه موسیقي او د ژوند طریقه چې تاسو "
            "یې غوره کوئ، لکه ګوت، ایمو، پنک یا د میټل موسیقۍ مینه‌وال.",
        },
    },
    {
        "code": "age",
        "order": 3,
        "name": {
            "en": "Age",
            "cy": "Oedran",
            "ur": "عمر",
            "pa": "ਉਮਰ",
            "bn": "বয়স",
            "ar": "العمر",
            "ro": "Vârstă",
            "pl": "Wiek",
            "so": "Da'da",
            "ps": "عمر",
        },
        "description": {
            "en": "Your age: being older, or being young.",
            "cy": "Eich oedran: bod yn hŷn, neu fod yn ifanc.",
            "ur": "آپ کی عمر: بڑی عمر کا ہونا یا کم عمر ہونا۔",
            "pa": "ਤੁਹਾਡੀ ਉਮਰ: ਵੱਡੀ ਉਮਰ ਦੇ ਹੋਣਾ, ਜਾਂ ਛੋਟੀ ਉਮਰ ਦੇ ਹੋਣਾ।",
            "bn": "আপনার বয়স: বয়স্ক হওয়া, বা কম বয়সী হওয়া।",
            "ar": "عمرك: أن تكون كبيرًا في السن أو صغيرًا.",
            "ro": "Vârsta dumneavoastră: faptul că sunteți în vârstă sau tânăr.",
            "pl": "Twój wiek: to, że jesteś osobą starszą albo młodą.",
            "so": "Da'daada: inaad tahay qof waayeel ah ama qof dhallinyaro ah.",
            "ps": "ستاسو عمر: زوړ اوسېدل یا ځوان اوسېدل.",
        },
    },
    {
        "code": "other",
        "order": 4,
        "name": {
            "en": "Something else",
            "cy": "Rhywbeth arall",
            "ur": "کچھ اور",
            "pa": "ਕੁਝ ਹੋਰ",
            "bn": "অন্য কিছু",
            "ar": "شيء آخر",
            "ro": "Altceva",
            "pl": "Coś innego",
            "so": "Wax kale",
            "ps": "بل څه",
        },
        "description": {
            "en": "Another reason that is not listed here. You can tell us in your own words.",
            "cy": "Rheswm arall nad yw wedi'i restru yma. Gallwch ddweud wrthym yn eich "
            "geiriau eich hun.",
            "ur": "کوئی اور وجہ جو یہاں درج نہیں ہے۔ آپ ہمیں اپنے الفاظ میں بتا سکتے ہیں۔",
            "pa": "ਕੋਈ ਹੋਰ ਕਾਰਨ ਜੋ ਇੱਥੇ ਨਹੀਂ ਲਿਖਿਆ। ਤੁਸੀਂ ਸਾਨੂੰ ਆਪਣੇ ਸ਼ਬਦਾਂ ਵਿੱਚ ਦੱਸ ਸਕਦੇ ਹੋ।",
            "bn": "অন্য কোনো কারণ যা এখানে লেখা নেই। আপনি নিজের ভাষায় আমাদের জানাতে পারেন।",
            "ar": "سبب آخر غير مذكور هنا. يمكنك أن تخبرنا به بكلماتك الخاصة.",
            "ro": "Un alt motiv care nu apare aici. Ne puteți spune cu propriile cuvinte.",
            "pl": "Inny powód, którego tu nie ma. Możesz opisać go własnymi słowami.",
            "so": "Sabab kale oo aan halkan ku qornayn. Waxaad nagu sheegi kartaa ereyadaada.",
            "ps": "بل دلیل چې دلته نه دی لیکل شوی. تاسو کولی شئ موږ ته یې په خپلو خبرو کې ووایاست.",
        },
    },
]
