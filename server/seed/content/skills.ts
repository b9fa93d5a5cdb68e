/**
 * The skill taxonomy: areas (parents) and skills, each labelled in en / fr / es / ar, with lower-case
 * synonyms in any language for search and the expert finder. Order within the list is popularity order
 * (the generator gives earlier skills Zipf-higher weights).
 */
export type Lang = 'en' | 'fr' | 'es' | 'ar';
export type Labels = Record<Lang, string>;

export interface SkillSpec {
  slug: string;
  area: string;
  labels: Labels;
  synonyms: string[];
}

export const AREAS: { slug: string; labels: Labels }[] = [
  { slug: 'water', labels: { en: 'Water', fr: 'Eau', es: 'Agua', ar: 'المياه' } },
  {
    slug: 'agriculture',
    labels: { en: 'Agriculture and soils', fr: 'Agriculture et sols', es: 'Agricultura y suelos', ar: 'الزراعة والتربة' },
  },
  { slug: 'climate', labels: { en: 'Climate', fr: 'Climat', es: 'Clima', ar: 'المناخ' } },
  {
    slug: 'inclusion',
    labels: { en: 'Gender and inclusion', fr: 'Genre et inclusion', es: 'Género e inclusión', ar: 'النوع الاجتماعي والإدماج' },
  },
  {
    slug: 'learning',
    labels: {
      en: 'Monitoring, evaluation and learning',
      fr: 'Suivi, évaluation et apprentissage',
      es: 'Monitoreo, evaluación y aprendizaje',
      ar: 'الرصد والتقييم والتعلم',
    },
  },
  {
    slug: 'knowledge',
    labels: { en: 'Knowledge management', fr: 'Gestion des connaissances', es: 'Gestión del conocimiento', ar: 'إدارة المعرفة' },
  },
  {
    slug: 'practice',
    labels: { en: 'Programme practice', fr: 'Pratique des programmes', es: 'Práctica de programas', ar: 'ممارسة البرامج' },
  },
];

const s = (slug: string, area: string, en: string, fr: string, es: string, ar: string, synonyms: string[] = []): SkillSpec => ({
  slug,
  area,
  labels: { en, fr, es, ar },
  synonyms,
});

export const SKILLS: SkillSpec[] = [
  s('monitoring-evaluation', 'learning', 'Monitoring and evaluation', 'Suivi et évaluation', 'Monitoreo y evaluación', 'الرصد والتقييم', [
    'm&e',
    'mel',
    'suivi-évaluation',
    'seguimiento y evaluación',
  ]),
  s('knowledge-sharing', 'knowledge', 'Knowledge sharing', 'Partage des connaissances', 'Intercambio de conocimientos', 'تبادل المعرفة', [
    'km',
    'knowledge exchange',
    'capitalisation',
  ]),
  s('drip-irrigation', 'water', 'Drip irrigation', 'Irrigation goutte-à-goutte', 'Riego por goteo', 'الري بالتنقيط', [
    'micro-irrigation',
    'trickle irrigation',
    'goutte à goutte',
    'riego localizado',
  ]),
  s(
    'climate-adaptation',
    'climate',
    'Climate adaptation',
    'Adaptation au changement climatique',
    'Adaptación al cambio climático',
    'التكيف مع تغير المناخ',
    ['resilience', 'résilience', 'resiliencia'],
  ),
  s('gender-analysis', 'inclusion', 'Gender analysis', 'Analyse de genre', 'Análisis de género', 'تحليل النوع الاجتماعي', [
    'gender',
    'genre',
    'género',
    'gender mainstreaming',
  ]),
  s('soil-health', 'agriculture', 'Soil health', 'Santé des sols', 'Salud del suelo', 'صحة التربة', [
    'soil fertility',
    'fertilité des sols',
    'fertilidad del suelo',
  ]),
  s('facilitation', 'knowledge', 'Facilitation', 'Facilitation', 'Facilitación', 'التيسير', ['moderation', 'animation', 'dinamización']),
  s(
    'wash',
    'water',
    'Water, sanitation and hygiene',
    'Eau, assainissement et hygiène',
    'Agua, saneamiento e higiene',
    'المياه والصرف الصحي والنظافة',
    ['eah', 'sanitation', 'assainissement'],
  ),
  s(
    'rainwater-harvesting',
    'water',
    'Rainwater harvesting',
    'Collecte des eaux de pluie',
    'Captación de agua de lluvia',
    'حصاد مياه الأمطار',
    ['water harvesting', 'impluvium', 'cosecha de agua'],
  ),
  s('composting', 'agriculture', 'Composting', 'Compostage', 'Compostaje', 'التسميد العضوي', [
    'compost',
    'organic matter',
    'matière organique',
    'abono orgánico',
  ]),
  s(
    'participatory-methods',
    'practice',
    'Participatory methods',
    'Méthodes participatives',
    'Métodos participativos',
    'الأساليب التشاركية',
    ['pra', 'mapp', 'participation'],
  ),
  s(
    'communities-of-practice',
    'knowledge',
    'Communities of practice',
    'Communautés de pratique',
    'Comunidades de práctica',
    'مجتمعات الممارسة',
    ['cop', 'cops', 'cdp', 'network facilitation'],
  ),
  s('project-management', 'practice', 'Project management', 'Gestion de projet', 'Gestión de proyectos', 'إدارة المشاريع', [
    'pcm',
    'logframe',
    'cadre logique',
    'marco lógico',
  ]),
  s('agroecology', 'agriculture', 'Agroecology', 'Agroécologie', 'Agroecología', 'الزراعة الإيكولوجية', [
    'agro-ecology',
    'regenerative agriculture',
  ]),
  s(
    'groundwater',
    'water',
    'Groundwater management',
    'Gestion des eaux souterraines',
    'Gestión de aguas subterráneas',
    'إدارة المياه الجوفية',
    ['aquifer', 'aquifère', 'acuífero', 'boreholes', 'forages'],
  ),
  s('climate-finance', 'climate', 'Climate finance', 'Finance climat', 'Financiamiento climático', 'التمويل المناخي', [
    'green climate fund',
    'gcf',
    'fonds vert',
  ]),
  s('theory-of-change', 'learning', 'Theory of change', 'Théorie du changement', 'Teoría del cambio', 'نظرية التغيير', [
    'toc',
    'impact pathway',
  ]),
  s(
    'womens-economic-empowerment',
    'inclusion',
    "Women's economic empowerment",
    'Autonomisation économique des femmes',
    'Empoderamiento económico de las mujeres',
    'التمكين الاقتصادي للمرأة',
    ['wee', 'savings groups', 'tontines'],
  ),
  s('extension-services', 'agriculture', 'Agricultural extension', 'Vulgarisation agricole', 'Extensión agrícola', 'الإرشاد الزراعي', [
    'extension',
    'farmer field schools',
    'champs-écoles',
    'escuelas de campo',
  ]),
  s(
    'early-warning',
    'climate',
    'Early warning systems',
    "Systèmes d'alerte précoce",
    'Sistemas de alerta temprana',
    'أنظمة الإنذار المبكر',
    ['ews', 'alerte précoce', 'forecast-based action'],
  ),
  s('data-visualisation', 'learning', 'Data visualisation', 'Visualisation de données', 'Visualización de datos', 'تصوير البيانات', [
    'dataviz',
    'dashboards',
    'tableaux de bord',
  ]),
  s(
    'after-action-review',
    'knowledge',
    'After action reviews',
    'Revues après action',
    'Revisiones después de la acción',
    'مراجعات ما بعد العمل',
    ['aar', 'lessons learned', 'leçons apprises'],
  ),
  s('irrigation-scheduling', 'water', 'Irrigation scheduling', "Pilotage de l'irrigation", 'Programación del riego', 'جدولة الري', [
    'water balance',
    'evapotranspiration',
    'et0',
  ]),
  s(
    'conservation-agriculture',
    'agriculture',
    'Conservation agriculture',
    'Agriculture de conservation',
    'Agricultura de conservación',
    'الزراعة الحافظة',
    ['no-till', 'semis direct', 'cobertura'],
  ),
  s(
    'disability-inclusion',
    'inclusion',
    'Disability inclusion',
    'Inclusion du handicap',
    'Inclusión de la discapacidad',
    'إدماج ذوي الإعاقة',
    ['accessibility', 'accessibilité', 'washington group questions'],
  ),
  s('outcome-harvesting', 'learning', 'Outcome harvesting', 'Récolte des effets', 'Cosecha de alcances', 'حصاد النتائج', [
    'outcome mapping',
    'cartographie des incidences',
  ]),
  s('water-governance', 'water', 'Water governance', "Gouvernance de l'eau", 'Gobernanza del agua', 'حوكمة المياه', [
    'iwrm',
    'gire',
    'water user associations',
    'comités de gestion',
  ]),
  s(
    'climate-risk-assessment',
    'climate',
    'Climate risk assessment',
    'Évaluation des risques climatiques',
    'Evaluación de riesgos climáticos',
    'تقييم المخاطر المناخية',
    ['vulnerability assessment', 'cva', 'vulnérabilité'],
  ),
  s('storytelling', 'knowledge', 'Storytelling', 'Mise en récit', 'Narrativa', 'سرد القصص', [
    'most significant change',
    'récits',
    'historias de cambio',
  ]),
  s('seed-systems', 'agriculture', 'Seed systems', 'Systèmes semenciers', 'Sistemas de semillas', 'أنظمة البذور', [
    'seed banks',
    'banques de semences',
    'semillas criollas',
  ]),
  s(
    'mobile-data-collection',
    'learning',
    'Mobile data collection',
    'Collecte de données mobile',
    'Recolección de datos móvil',
    'جمع البيانات عبر الهاتف',
    ['kobo', 'odk', 'kobotoolbox', 'surveys'],
  ),
  s('youth-engagement', 'inclusion', 'Youth engagement', 'Engagement des jeunes', 'Participación juvenil', 'إشراك الشباب', [
    'youth',
    'jeunesse',
    'juventud',
  ]),
  s(
    'water-quality',
    'water',
    'Water quality testing',
    "Analyse de la qualité de l'eau",
    'Análisis de calidad del agua',
    'فحص جودة المياه',
    ['e. coli', 'turbidity', 'chlorination', 'chloration'],
  ),
  s('land-restoration', 'climate', 'Land restoration', 'Restauration des terres', 'Restauración de tierras', 'استصلاح الأراضي', [
    'fmnr',
    'zaï',
    'half-moons',
    'demi-lunes',
    'reforestation',
  ]),
  s('peer-assist', 'knowledge', 'Peer assists', 'Assistance par les pairs', 'Asistencia entre pares', 'المساعدة بين الأقران', [
    'peer review',
    'peer learning',
    'apprentissage entre pairs',
  ]),
  s(
    'gender-based-violence',
    'inclusion',
    'GBV prevention',
    'Prévention des VBG',
    'Prevención de la VBG',
    'الوقاية من العنف القائم على النوع',
    ['gbv', 'vbg', 'safeguarding', 'psea'],
  ),
  s('baseline-surveys', 'learning', 'Baseline surveys', 'Enquêtes de référence', 'Encuestas de línea de base', 'المسوح الأساسية', [
    'baseline',
    'situation de référence',
    'línea de base',
    'sampling',
  ]),
  s(
    'integrated-pest-management',
    'agriculture',
    'Integrated pest management',
    'Lutte intégrée',
    'Manejo integrado de plagas',
    'المكافحة المتكاملة للآفات',
    ['ipm', 'fall armyworm', 'chenille légionnaire', 'biocontrol'],
  ),
  s('solar-pumping', 'water', 'Solar water pumping', 'Pompage solaire', 'Bombeo solar', 'الضخ بالطاقة الشمسية', [
    'solar pumps',
    'pompes solaires',
    'bombas solares',
  ]),
  s(
    'nature-based-solutions',
    'climate',
    'Nature-based solutions',
    'Solutions fondées sur la nature',
    'Soluciones basadas en la naturaleza',
    'الحلول القائمة على الطبيعة',
    ['nbs', 'sfn', 'ecosystem-based adaptation', 'eba'],
  ),
  s(
    'translation-localisation',
    'knowledge',
    'Translation and localisation',
    'Traduction et localisation',
    'Traducción y localización',
    'الترجمة والتوطين',
    ['localization', 'interpreting', 'multilingual'],
  ),
  s('social-protection', 'inclusion', 'Social protection', 'Protection sociale', 'Protección social', 'الحماية الاجتماعية', [
    'cash transfers',
    'transferts monétaires',
    'transferencias',
  ]),
  s('budgeting', 'practice', 'Budgeting and grants', 'Budgets et subventions', 'Presupuestos y subvenciones', 'الميزانيات والمنح', [
    'proposal writing',
    'fundraising',
    'rédaction de propositions',
  ]),
  s(
    'remote-sensing',
    'learning',
    'Remote sensing and GIS',
    'Télédétection et SIG',
    'Teledetección y SIG',
    'الاستشعار عن بعد ونظم المعلومات الجغرافية',
    ['gis', 'sig', 'qgis', 'satellite imagery', 'ndvi'],
  ),
  s('livestock', 'agriculture', 'Livestock and pastoralism', 'Élevage et pastoralisme', 'Ganadería y pastoreo', 'الثروة الحيوانية والرعي', [
    'pastoralism',
    'transhumance',
    'rangelands',
  ]),
  s('urban-water', 'water', 'Urban water utilities', "Services urbains d'eau", 'Servicios urbanos de agua', 'مرافق المياه الحضرية', [
    'non-revenue water',
    'utilities',
    'régies',
  ]),
  s('anticipatory-action', 'climate', 'Anticipatory action', 'Action anticipatoire', 'Acción anticipatoria', 'العمل الاستباقي', [
    'forecast-based financing',
    'fbf',
    'drought triggers',
  ]),
  s(
    'online-events',
    'knowledge',
    'Running online events',
    'Animation d’événements en ligne',
    'Eventos en línea',
    'إدارة الفعاليات عبر الإنترنت',
    ['webinars', 'webinaires', 'seminarios web'],
  ),
  s('policy-dialogue', 'practice', 'Policy dialogue', 'Dialogue politique', 'Diálogo de políticas', 'الحوار السياساتي', [
    'advocacy',
    'plaidoyer',
    'incidencia',
  ]),
  s(
    'arabic-facilitation',
    'knowledge',
    'Facilitation in Arabic',
    'Facilitation en arabe',
    'Facilitación en árabe',
    'التيسير باللغة العربية',
    ['arabic', 'arabe', 'árabe'],
  ),
];
