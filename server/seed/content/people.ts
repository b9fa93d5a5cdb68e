/** Names, places, organisations and practices for generated members, per language community. */
import type { Lang } from './skills.ts';

export interface Country {
  code: string;
  zones: string[];
  /** Languages spoken there besides the member's first language, most likely first. */
  also: Lang[];
}

export const COUNTRIES: Record<Lang, Country[]> = {
  en: [
    { code: 'KE', zones: ['Africa/Nairobi'], also: [] },
    { code: 'UG', zones: ['Africa/Kampala'], also: [] },
    { code: 'GH', zones: ['Africa/Accra'], also: ['fr'] },
    { code: 'NG', zones: ['Africa/Lagos'], also: ['fr'] },
    { code: 'ET', zones: ['Africa/Addis_Ababa'], also: [] },
    { code: 'IN', zones: ['Asia/Kolkata'], also: [] },
    { code: 'BD', zones: ['Asia/Dhaka'], also: [] },
    { code: 'NP', zones: ['Asia/Kathmandu'], also: [] },
    { code: 'PH', zones: ['Asia/Manila'], also: ['es'] },
    { code: 'GB', zones: ['Europe/London'], also: ['fr', 'es'] },
    { code: 'US', zones: ['America/New_York', 'America/Chicago', 'America/Los_Angeles'], also: ['es'] },
    { code: 'ZA', zones: ['Africa/Johannesburg'], also: [] },
    { code: 'NL', zones: ['Europe/Amsterdam'], also: ['fr'] },
  ],
  fr: [
    { code: 'SN', zones: ['Africa/Dakar'], also: ['en'] },
    { code: 'ML', zones: ['Africa/Bamako'], also: ['en'] },
    { code: 'BF', zones: ['Africa/Ouagadougou'], also: ['en'] },
    { code: 'CI', zones: ['Africa/Abidjan'], also: ['en'] },
    { code: 'NE', zones: ['Africa/Niamey'], also: ['ar'] },
    { code: 'CD', zones: ['Africa/Kinshasa', 'Africa/Lubumbashi'], also: ['en'] },
    { code: 'HT', zones: ['America/Port-au-Prince'], also: ['es', 'en'] },
    { code: 'FR', zones: ['Europe/Paris'], also: ['en', 'es'] },
    { code: 'BE', zones: ['Europe/Brussels'], also: ['en'] },
    { code: 'CM', zones: ['Africa/Douala'], also: ['en'] },
  ],
  es: [
    { code: 'PE', zones: ['America/Lima'], also: ['en'] },
    { code: 'BO', zones: ['America/La_Paz'], also: [] },
    { code: 'CO', zones: ['America/Bogota'], also: ['en'] },
    { code: 'GT', zones: ['America/Guatemala'], also: [] },
    { code: 'MX', zones: ['America/Mexico_City'], also: ['en'] },
    { code: 'EC', zones: ['America/Guayaquil'], also: [] },
    { code: 'NI', zones: ['America/Managua'], also: [] },
    { code: 'ES', zones: ['Europe/Madrid'], also: ['en', 'fr'] },
  ],
  ar: [
    { code: 'MA', zones: ['Africa/Casablanca'], also: ['fr', 'en'] },
    { code: 'EG', zones: ['Africa/Cairo'], also: ['en'] },
    { code: 'JO', zones: ['Asia/Amman'], also: ['en'] },
    { code: 'TN', zones: ['Africa/Tunis'], also: ['fr'] },
    { code: 'LB', zones: ['Asia/Beirut'], also: ['fr', 'en'] },
    { code: 'SD', zones: ['Africa/Khartoum'], also: ['en'] },
    { code: 'YE', zones: ['Asia/Aden'], also: ['en'] },
  ],
};

export const FIRST_NAMES: Record<Lang, string[]> = {
  en: ['Grace', 'John', 'Achieng', 'Kwame', 'Priya', 'Rahul', 'Sarah', 'David', 'Nkechi', 'Tendai', 'Mary', 'Samuel', 'Anjali', 'Farhana', 'Joseph', 'Esther', 'Michael', 'Ruth', 'Daniel', 'Lindiwe', 'Tom', 'Hannah', 'Abebe', 'Sita', 'Maria', 'Peter', 'Joy', 'Arjun', 'Emily', 'Musa', 'Wanjiru', 'Kofi', 'Nasrin', 'James', 'Alice', 'Rosa', 'Ibrahim', 'Dev', 'Faith', 'Chloe'],
  fr: ['Amina', 'Moussa', 'Fatou', 'Ibrahima', 'Aïssata', 'Jean-Baptiste', 'Mariam', 'Ousmane', 'Claire', 'Pierre', 'Awa', 'Boubacar', 'Adama', 'Hélène', 'Koffi', 'Rokia', 'Sékou', 'Mathilde', 'Issa', 'Nadège', 'Thomas', 'Aminata', 'Yacouba', 'Sophie', 'Didier', 'Kadiatou', 'Lucien', 'Bintou', 'Émile', 'Salimata', 'Wendkouni', 'Josiane', 'Alassane', 'Irène', 'Modibo', 'Brigitte'],
  es: ['Carlos', 'Lucía', 'María José', 'Juan', 'Ana', 'Diego', 'Valentina', 'Jorge', 'Camila', 'Luis', 'Rosa', 'Andrés', 'Gabriela', 'Miguel', 'Paola', 'Fernando', 'Isabel', 'Ricardo', 'Daniela', 'Héctor', 'Carmen', 'Javier', 'Marisol', 'Raúl', 'Sofía', 'Óscar', 'Elena', 'Pablo', 'Ximena', 'Wilmer'],
  ar: ['Fatima Zahra', 'Omar', 'Layla', 'Youssef', 'Nour', 'Ahmed', 'Mariam', 'Khaled', 'Rania', 'Hassan', 'Salma', 'Karim', 'Huda', 'Tarek', 'Amal', 'Samir', 'Dina', 'Mahmoud', 'Yasmine', 'Walid', 'Hind', 'Bilal', 'Rim', 'Nabil', 'Souad', 'Ziad', 'Leila', 'Mustafa', 'Aya', 'Anas'],
};

export const LAST_NAMES: Record<Lang, string[]> = {
  en: ['Achieng', 'Mensah', 'Okafor', 'Raman', 'Sharma', 'Otieno', 'Banda', 'Mukherjee', 'Smith', 'Wanjiku', 'Tesfaye', 'Nakato', 'Rahman', 'Patel', 'Boateng', 'Moyo', 'Kamau', 'Hossain', 'Thapa', 'Reyes', 'Johnson', 'Ndlovu', 'Oduya', 'Bose', 'Akello', 'Gurung', 'Walker', 'Adeyemi', 'Chowdhury', 'Mwangi'],
  fr: ['Diallo', 'Traoré', 'Kaboré', 'Ouédraogo', 'Sow', 'Coulibaly', 'Diop', 'Ndiaye', 'Keïta', 'Camara', 'Sawadogo', 'Koné', 'Dubois', 'Martin', 'Bamba', 'Touré', 'Cissé', 'Mbaye', 'Lefèvre', 'Kouassi', 'Sangaré', 'Zongo', 'Fall', 'Mukendi', 'Joseph', 'Tshibanda', 'Moreau', 'Ba', 'Yaméogo', 'Dembélé'],
  es: ['Mendoza', 'Fernández', 'Quispe', 'Mamani', 'García', 'Rodríguez', 'López', 'Huamán', 'Torres', 'Flores', 'Ramírez', 'Choque', 'Castillo', 'Vargas', 'Gutiérrez', 'Rojas', 'Condori', 'Morales', 'Herrera', 'Pérez', 'Cruz', 'Chávez', 'Sánchez', 'Ortiz', 'Aguilar'],
  ar: ['El Amrani', 'Haddad', 'Mansour', 'Khalil', 'Benali', 'Saleh', 'Nasser', 'Hamdan', 'Aziz', 'Farouk', 'Bakr', 'Ibrahim', 'Tahir', 'Younes', 'Rahal', 'Zayed', 'Chraibi', 'Mahfouz', 'Qasim', 'Suleiman', 'Idrissi', 'Ben Youssef', 'Hariri', 'Awad', 'Othman'],
};

export const ORGANISATIONS: string[] = [
  'Ministry of Agriculture', 'Ministère de l’Hydraulique', 'Ministerio de Desarrollo Agrario y Riego', 'WaterAid',
  'CARE', 'Oxfam', 'Practical Action', 'Helvetas', 'SNV', 'GIZ', 'Enabel', 'AFD', 'IRC WASH', 'ICRISAT',
  'CIAT', 'World Vision', 'Plan International', 'ACF – Action contre la Faim', 'Terre des Hommes', 'ENDA Tiers Monde',
  'CIRAD', 'INERA', 'ISRA', 'Agua Para Todos', 'Soluciones Prácticas', 'CONDESAN', 'Arab Water Council',
  'Centre for Environment and Development for the Arab Region', 'ICARDA', 'Aga Khan Foundation',
  'BRAC', 'Self Employed Women’s Association', 'KM4Dev', 'University of Nairobi', 'Université Cheikh Anta Diop',
  'Universidad Nacional Agraria La Molina', 'Independent consultant', 'Farmers’ cooperative', 'District water office',
  'Municipal utility', 'UNDP', 'FAO', 'UNICEF', 'IFAD', 'European Commission (DG INTPA)',
];

export const PRACTICES: Record<Lang, string[]> = {
  en: ['Extension officer', 'Project manager', 'M&E officer', 'Knowledge manager', 'Hydrologist', 'Agronomist', 'Gender specialist', 'Programme officer', 'Community facilitator', 'Researcher', 'WASH engineer', 'Climate adviser', 'Consultant', 'Field coordinator', 'Policy adviser'],
  fr: ['Conseiller agricole', 'Chef de projet', 'Chargée de suivi-évaluation', 'Gestionnaire des connaissances', 'Hydrogéologue', 'Agronome', 'Experte genre', 'Chargé de programme', 'Animatrice communautaire', 'Chercheur', 'Ingénieur eau et assainissement', 'Conseiller climat', 'Consultante', 'Coordinateur terrain'],
  es: ['Extensionista', 'Gerente de proyecto', 'Especialista en monitoreo y evaluación', 'Gestora del conocimiento', 'Hidróloga', 'Agrónomo', 'Especialista en género', 'Oficial de programa', 'Promotor comunitario', 'Investigadora', 'Ingeniero sanitario', 'Asesora climática', 'Consultor', 'Coordinadora de campo'],
  ar: ['مرشد زراعي', 'مديرة مشروع', 'مسؤول الرصد والتقييم', 'مديرة المعرفة', 'مهندس هيدرولوجي', 'مهندسة زراعية', 'أخصائية النوع الاجتماعي', 'مسؤول برامج', 'ميسّرة مجتمعية', 'باحث', 'مهندس مياه وصرف صحي', 'مستشارة المناخ', 'استشاري', 'منسق ميداني'],
};

/** Short bios: `{practice}` and `{skill}` are filled in by the generator. */
export const BIOS: Record<Lang, string[]> = {
  en: [
    '{practice} working with smallholder farmers. Most of my time goes into {skill}; happy to share tools that worked and ones that did not.',
    'Ten years in the field, now supporting district teams on {skill}. Ask me about practical, low-cost approaches.',
    '{practice}. I learn a lot from this network and try to give back, especially on {skill}.',
    'Interested in how communities organise around {skill}. I write short notes after every field visit.',
  ],
  fr: [
    '{practice} auprès des organisations paysannes. Je travaille surtout sur {skill} et je partage volontiers nos fiches techniques.',
    'Dix ans de terrain au Sahel ; j’appuie aujourd’hui les équipes communales sur {skill}.',
    '{practice}. J’apprends beaucoup de ce réseau et j’essaie de contribuer, surtout sur {skill}.',
    'Passionnée par les démarches participatives et {skill}. N’hésitez pas à me contacter.',
  ],
  es: [
    '{practice} con comunidades campesinas de los Andes. Trabajo sobre todo en {skill}.',
    'Diez años acompañando a gobiernos locales en {skill}. Me interesan las soluciones de bajo costo.',
    '{practice}. Aprendo mucho de esta red y comparto lo que funciona en {skill}.',
    'Me interesa cómo las organizaciones de base gestionan {skill}. Escribo notas breves después de cada visita de campo.',
  ],
  ar: [
    '{practice} أعمل مع صغار المزارعين، وأركّز على {skill}. يسعدني تبادل الأدوات والتجارب.',
    'عشر سنوات من العمل الميداني، وأدعم اليوم الفرق المحلية في مجال {skill}.',
    '{practice}. أتعلّم الكثير من هذه الشبكة وأحاول المساهمة، خاصة في {skill}.',
    'مهتمة بكيفية تنظيم المجتمعات المحلية حول {skill}. أكتب ملاحظات قصيرة بعد كل زيارة ميدانية.',
  ],
};
