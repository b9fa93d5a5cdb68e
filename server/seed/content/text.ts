/**
 * Templates for threads, posts and events. `{skill}` is a skill label in the post's language and
 * `{place}` a country or district. Every block is a self-contained Markdown block (paragraph, list or
 * quote), so that a post body is blocks joined by blank lines and its HTML is the joined HTML of the
 * blocks (the generator renders each distinct block once, which keeps the x100 preset fast).
 */
import type { Lang } from './skills.ts';

export const QUESTION_TITLES: Record<Lang, string[]> = {
  en: [
    'Who has experience with {skill} in semi-arid areas?',
    'How do you measure the results of {skill} work?',
    'Looking for a simple tool for {skill} at district level',
    'What went wrong with {skill} in your programme, and what did you change?',
    'Any good training material on {skill} for field staff?',
    'How to involve women farmers in {skill} decisions?',
  ],
  fr: [
    'Qui a de l’expérience en {skill} en zone semi-aride ?',
    'Comment mesurez-vous les résultats en {skill} ?',
    'Je cherche un outil simple pour {skill} au niveau communal',
    'Quelles erreurs avez-vous faites en {skill}, et qu’avez-vous changé ?',
    'Des supports de formation sur {skill} pour les agents de terrain ?',
  ],
  es: [
    '¿Quién tiene experiencia en {skill} en zonas semiáridas?',
    '¿Cómo miden los resultados de {skill}?',
    'Busco una herramienta sencilla de {skill} para el nivel municipal',
    '¿Qué salió mal con {skill} en su programa y qué cambiaron?',
    '¿Materiales de capacitación sobre {skill} para promotores?',
  ],
  ar: [
    'من لديه خبرة في {skill} في المناطق شبه الجافة؟',
    'كيف تقيسون نتائج العمل في {skill}؟',
    'أبحث عن أداة بسيطة في {skill} على مستوى البلديات',
    'ما الأخطاء التي واجهتموها في {skill} وماذا غيّرتم؟',
  ],
};

export const DISCUSSION_TITLES: Record<Lang, string[]> = {
  en: [
    'Lessons from three years of {skill} in {place}',
    'Sharing our field guide on {skill}',
    'Reflections after the {skill} learning event',
    'Case study: {skill} with farmer groups in {place}',
  ],
  fr: ['Leçons de trois ans de {skill} au {place}', 'Notre guide de terrain sur {skill}', 'Retour sur l’atelier d’apprentissage {skill}'],
  es: [
    'Lecciones de tres años de {skill} en {place}',
    'Compartimos nuestra guía de campo sobre {skill}',
    'Reflexiones tras el encuentro de aprendizaje sobre {skill}',
  ],
  ar: ['دروس من ثلاث سنوات في {skill} في {place}', 'نشارككم دليلنا الميداني حول {skill}', 'تأملات بعد فعالية التعلم حول {skill}'],
};

export const OPENING_BLOCKS: Record<Lang, string[]> = {
  en: [
    'We are starting a new phase with 40 villages and want to avoid the mistakes of the pilot. The budget is small and most staff are new to **{skill}**.',
    'In our last review, farmers told us the approach was too complicated. We need something that an extension officer can explain in twenty minutes.',
    'I would be grateful for examples, even partial ones. Reports, photos of the set-up, or just a short description of what you tried.',
    'Our donor asks for indicators we can actually collect every quarter. What has worked for you on {skill}?',
  ],
  fr: [
    'Nous démarrons une nouvelle phase avec 40 villages et nous voulons éviter les erreurs du pilote. Le budget est modeste et l’équipe découvre **{skill}**.',
    'Lors de la dernière revue, les producteurs ont trouvé la démarche trop compliquée. Il nous faut quelque chose qu’un conseiller peut expliquer en vingt minutes.',
    'Tout exemple est bienvenu, même partiel : rapports, photos du dispositif ou simple description de ce que vous avez essayé.',
  ],
  es: [
    'Empezamos una nueva fase con 40 comunidades y queremos evitar los errores del piloto. El presupuesto es pequeño y el equipo es nuevo en **{skill}**.',
    'En la última evaluación, las familias dijeron que el enfoque era demasiado complicado. Necesitamos algo que un extensionista pueda explicar en veinte minutos.',
    'Agradecería ejemplos, aunque sean parciales: informes, fotos o una breve descripción de lo que probaron.',
  ],
  ar: [
    'نبدأ مرحلة جديدة مع أربعين قرية ونريد تجنّب أخطاء المرحلة التجريبية. الميزانية محدودة ومعظم الفريق جديد في **{skill}**.',
    'في المراجعة الأخيرة قال المزارعون إن النهج معقد جداً. نحتاج إلى شيء يمكن للمرشد شرحه في عشرين دقيقة.',
    'سأكون ممتنة لأي أمثلة، حتى لو كانت جزئية: تقارير أو صور أو وصف قصير لما جربتموه.',
  ],
};

export const REPLY_BLOCKS: Record<Lang, string[]> = {
  en: [
    'We had the same problem in {place}. What helped most was starting with two demonstration plots run by the farmers themselves, not by project staff.',
    'Three things that worked for us:\n\n- keep the first season small and visible\n- train one lead farmer per village, not everyone\n- write down the costs from day one',
    'Have a look at the guide from the regional learning event last year; chapter 3 is exactly about {skill}. Details: https://www.example.org/resources/field-guide',
    '> The budget is small\n\nThat is often an advantage: it forces you to use local materials and keeps maintenance realistic.',
    'I would add a short after-action review after each season. Ours take one hour and have changed more than any evaluation.',
    'Thanks, this is really useful. We will try the lead-farmer approach and report back in the autumn.',
    'Agree with the points above. Be careful with indicators that only count people trained: they say little about practice.',
  ],
  fr: [
    'Nous avons eu le même problème au {place}. Ce qui a le plus aidé : deux parcelles de démonstration gérées par les producteurs eux-mêmes.',
    'Trois choses qui ont marché chez nous :\n\n- une première campagne petite et visible\n- un paysan relais par village\n- noter les coûts dès le premier jour',
    'Voyez le guide issu de l’atelier régional de l’an dernier ; le chapitre 3 porte justement sur {skill}. https://www.example.org/ressources/guide-terrain',
    'J’ajouterais une courte revue après action à la fin de chaque campagne. Une heure suffit, et cela change beaucoup.',
    'Merci, c’est très utile. Nous allons essayer et nous vous tiendrons au courant.',
  ],
  es: [
    'Tuvimos el mismo problema en {place}. Lo que más ayudó fue empezar con dos parcelas demostrativas manejadas por las propias familias.',
    'Tres cosas que nos funcionaron:\n\n- una primera campaña pequeña y visible\n- un promotor por comunidad\n- registrar los costos desde el primer día',
    'Revisen la guía del encuentro regional del año pasado; el capítulo 3 trata justamente de {skill}. https://www.example.org/recursos/guia-de-campo',
    'Añadiría una breve revisión después de cada campaña. La nuestra dura una hora y ha cambiado más que cualquier evaluación.',
    'Gracias, muy útil. Probaremos el enfoque y les contaremos.',
  ],
  ar: [
    'واجهنا المشكلة نفسها في {place}. أكثر ما ساعدنا هو البدء بقطعتين تجريبيتين يديرهما المزارعون أنفسهم.',
    'ثلاثة أمور نجحت معنا:\n\n- موسم أول صغير وواضح\n- مزارع رائد في كل قرية\n- تسجيل التكاليف منذ اليوم الأول',
    'أقترح مراجعة قصيرة بعد كل موسم. مراجعتنا تستغرق ساعة واحدة وقد غيّرت الكثير.',
    'شكراً، هذا مفيد جداً. سنجرب هذا النهج ونطلعكم على النتائج.',
  ],
};

/** Longer, specific answers: used for the answers of recognised experts and for accepted answers. */
export const EXPERT_BLOCKS: Record<Lang, string[]> = {
  en: [
    'I have worked on **{skill}** for about twelve years, mostly in {place}. The short answer: design for maintenance first, then for yield.',
    'A sequence that works:\n\n1. agree on the problem with the water user group\n2. test on one site for a full season\n3. only then budget the scale-up, with spare parts in the plan',
    'Measure what farmers already track (water turns, harvest in bags) and add one indicator of your own. Anything more is rarely collected after year one.',
  ],
  fr: [
    'Je travaille sur **{skill}** depuis une douzaine d’années, surtout au {place}. En bref : concevoir d’abord pour l’entretien, ensuite pour le rendement.',
    'Une séquence qui marche :\n\n1. s’accorder sur le problème avec le comité des usagers\n2. tester sur un site pendant une campagne entière\n3. seulement ensuite budgéter la mise à l’échelle, pièces de rechange comprises',
  ],
  es: [
    'Trabajo en **{skill}** desde hace doce años, sobre todo en {place}. En resumen: diseñar primero para el mantenimiento y después para el rendimiento.',
    'Una secuencia que funciona:\n\n1. acordar el problema con el comité de usuarios\n2. probar en un sitio durante una campaña completa\n3. solo después presupuestar la ampliación, con repuestos incluidos',
  ],
  ar: [
    'أعمل في **{skill}** منذ اثني عشر عاماً، معظمها في {place}. باختصار: صمّموا أولاً من أجل الصيانة ثم من أجل الإنتاجية.',
    'تسلسل ناجح:\n\n1. الاتفاق على المشكلة مع جمعية مستخدمي المياه\n2. التجربة في موقع واحد لموسم كامل\n3. ثم إعداد ميزانية التوسع مع قطع الغيار',
  ],
};

export const EVENT_TITLES: Record<Lang, string[]> = {
  en: [
    'Webinar: {skill} in practice',
    'Peer assist on {skill}',
    'Monthly {skill} clinic',
    'Learning event: {skill} across regions',
    'Field visit and workshop on {skill}',
  ],
  fr: [
    'Webinaire : {skill} en pratique',
    'Assistance par les pairs : {skill}',
    'Clinique mensuelle {skill}',
    'Atelier de terrain sur {skill}',
  ],
  es: [
    'Seminario web: {skill} en la práctica',
    'Asistencia entre pares sobre {skill}',
    'Clínica mensual de {skill}',
    'Taller de campo sobre {skill}',
  ],
  ar: ['ندوة عبر الإنترنت: {skill} في الممارسة', 'مساعدة بين الأقران حول {skill}', 'عيادة شهرية حول {skill}', 'ورشة ميدانية حول {skill}'],
};

export const EVENT_DESCRIPTIONS: Record<Lang, string> = {
  en: 'An hour to share what works and what does not in {skill}. Bring one example from your own work; slides are optional. Interpretation depends on registrations.',
  fr: 'Une heure pour partager ce qui marche et ce qui ne marche pas en {skill}. Apportez un exemple de votre travail ; les diapositives sont facultatives.',
  es: 'Una hora para compartir lo que funciona y lo que no en {skill}. Traiga un ejemplo de su propio trabajo; las diapositivas son opcionales.',
  ar: 'ساعة لتبادل ما ينجح وما لا ينجح في {skill}. أحضروا مثالاً من عملكم؛ العروض التقديمية اختيارية.',
};

/** "Who knows about X?" in each language: the expert-finder queries planted as ground truth. */
export const EXPERT_QUERIES: Record<Lang, string> = {
  en: 'Who can help with {skill}?',
  fr: 'Qui peut aider sur {skill} ?',
  es: '¿Quién puede ayudar con {skill}?',
  ar: 'من يمكنه المساعدة في {skill}؟',
};

export const PLACES: Record<Lang, string[]> = {
  en: ['northern Kenya', 'the Tigray highlands', 'Bangladesh’s coastal belt', 'Karamoja', 'Rajasthan', 'the Terai'],
  fr: ['Sénégal', 'Burkina Faso', 'Mali', 'Niger', 'Kivu', 'Plateau central'],
  es: ['Cusco', 'el altiplano boliviano', 'el Corredor Seco', 'Chiapas', 'Cauca'],
  ar: ['سهل سايس', 'صعيد مصر', 'وادي الأردن', 'الجنوب التونسي', 'البقاع'],
};
