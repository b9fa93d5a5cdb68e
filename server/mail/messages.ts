/**
 * The words of every message Grove mails, in the four languages of the widgets. Plain strings with
 * `{name}` placeholders; plurals where a count appears. English is the source of truth: the other
 * catalogues must have the same keys (checked by test/server/mail/messages.test.ts).
 */
export type MailLanguage = 'en' | 'fr' | 'es' | 'ar';
export const MAIL_LANGUAGES: readonly MailLanguage[] = ['en', 'fr', 'es', 'ar'];

const en = {
  'reply.subject': '{author} replied to you in “{thread}”',
  'reply.lead': '{author} replied to your post in “{thread}”:',
  'thread-post.subject': 'New in “{thread}”',
  'thread-post.lead': '{author} wrote in “{thread}”, which you follow:',
  'mention.subject': '{author} mentioned you in “{thread}”',
  'mention.lead': '{author} mentioned you in “{thread}”:',
  'accepted.subject': 'Your answer in “{thread}” was accepted',
  'accepted.lead': '{author} accepted your answer to “{thread}”. Thank you for helping.',
  'list-post.subject': '{thread}',
  'list-post.lead': '{author} wrote in {community}:',
  'expert-question.subject': 'A question for you: “{thread}”',
  'expert-question.lead': '{author} thinks you can help with this question:',
  'waitlist-promoted.subject': 'A seat opened for you: {event}',
  'waitlist-promoted.lead': 'You moved off the waitlist for {event} on {when}. You are going.',
  'moderation.subject': 'A facilitator hid your post in “{thread}”',
  'moderation.lead': 'A facilitator of {community} hid your post in “{thread}”. Only facilitators can see it now.',
  'event-changed.subject': 'Changed: {event}',
  'event-changed.lead': '{event} has changed. It is now on {when}.',
  'event-cancelled.subject': 'Cancelled: {event}',
  'event-cancelled.lead': '{event}, planned for {when}, is cancelled.',
  'digest.subject': 'What happened in your communities',
  'digest.lead': 'Since {since}:',
  'digest.threads': 'New discussions',
  'digest.unanswered': 'Questions waiting for someone with your skills',
  'digest.events': 'Coming up',
  'digest.newcomers': 'New members to welcome',
  'footer.reply': 'Reply to this e-mail to answer in the thread.',
  'footer.open': 'Open on the web: {url}',
  'footer.why.thread': 'You get this because you take part in or follow this discussion.',
  'footer.why.expert': 'You get this because members recognise you on this question’s topic; at most two such questions a week.',
  'footer.why.list': 'You get every post of {community} because mailing-list mode is on.',
  'footer.why.digest': 'You get a {frequency} digest when something happened since your last visit.',
  'footer.why.event': 'You get this because you answered this event.',
  'footer.unsubscribe': 'Stop these e-mails: {url}',
  'frequency.daily': 'daily',
  'frequency.weekly': 'weekly',
} as const;

export type MailKey = keyof typeof en;
type Catalogue = Record<MailKey, string>;

const fr: Catalogue = {
  'reply.subject': '{author} vous a répondu dans « {thread} »',
  'reply.lead': '{author} a répondu à votre message dans « {thread} » :',
  'thread-post.subject': 'Nouveau dans « {thread} »',
  'thread-post.lead': '{author} a écrit dans « {thread} », que vous suivez :',
  'mention.subject': '{author} vous a mentionné·e dans « {thread} »',
  'mention.lead': '{author} vous a mentionné·e dans « {thread} » :',
  'accepted.subject': 'Votre réponse dans « {thread} » a été acceptée',
  'accepted.lead': '{author} a accepté votre réponse à « {thread} ». Merci de votre aide.',
  'list-post.subject': '{thread}',
  'list-post.lead': '{author} a écrit dans {community} :',
  'expert-question.subject': 'Une question pour vous : « {thread} »',
  'expert-question.lead': '{author} pense que vous pouvez aider sur cette question :',
  'waitlist-promoted.subject': 'Une place s’est libérée : {event}',
  'waitlist-promoted.lead': 'Vous quittez la liste d’attente de {event} le {when}. Vous y participez.',
  'moderation.subject': 'Un·e animateur·rice a masqué votre message dans « {thread} »',
  'moderation.lead': 'Un·e animateur·rice de {community} a masqué votre message dans « {thread} ». Seuls les animateurs le voient.',
  'event-changed.subject': 'Modifié : {event}',
  'event-changed.lead': '{event} a changé. Il a lieu désormais le {when}.',
  'event-cancelled.subject': 'Annulé : {event}',
  'event-cancelled.lead': '{event}, prévu le {when}, est annulé.',
  'digest.subject': 'Du nouveau dans vos communautés',
  'digest.lead': 'Depuis le {since} :',
  'digest.threads': 'Nouvelles discussions',
  'digest.unanswered': 'Questions qui attendent quelqu’un avec vos compétences',
  'digest.events': 'À venir',
  'digest.newcomers': 'Nouveaux membres à accueillir',
  'footer.reply': 'Répondez à ce courriel pour répondre dans la discussion.',
  'footer.open': 'Voir en ligne : {url}',
  'footer.why.thread': 'Vous recevez ceci parce que vous participez à cette discussion ou la suivez.',
  'footer.why.expert':
    'Vous recevez ceci parce que des membres vous reconnaissent sur le sujet de cette question ; deux questions de ce type par semaine au plus.',
  'footer.why.list': 'Vous recevez chaque message de {community} car le mode liste de diffusion est activé.',
  'footer.why.digest': 'Vous recevez un résumé {frequency} quand il s’est passé quelque chose depuis votre dernière visite.',
  'footer.why.event': 'Vous recevez ceci parce que vous avez répondu à cet événement.',
  'footer.unsubscribe': 'Ne plus recevoir ces courriels : {url}',
  'frequency.daily': 'quotidien',
  'frequency.weekly': 'hebdomadaire',
};

const es: Catalogue = {
  'reply.subject': '{author} te respondió en «{thread}»',
  'reply.lead': '{author} respondió a tu mensaje en «{thread}»:',
  'thread-post.subject': 'Novedades en «{thread}»',
  'thread-post.lead': '{author} escribió en «{thread}», que sigues:',
  'mention.subject': '{author} te mencionó en «{thread}»',
  'mention.lead': '{author} te mencionó en «{thread}»:',
  'accepted.subject': 'Tu respuesta en «{thread}» fue aceptada',
  'accepted.lead': '{author} aceptó tu respuesta a «{thread}». Gracias por ayudar.',
  'list-post.subject': '{thread}',
  'list-post.lead': '{author} escribió en {community}:',
  'expert-question.subject': 'Una pregunta para ti: «{thread}»',
  'expert-question.lead': '{author} cree que puedes ayudar con esta pregunta:',
  'waitlist-promoted.subject': 'Se liberó una plaza: {event}',
  'waitlist-promoted.lead': 'Sales de la lista de espera de {event} el {when}. Asistirás.',
  'moderation.subject': 'Una persona facilitadora ocultó tu mensaje en «{thread}»',
  'moderation.lead': 'Una persona facilitadora de {community} ocultó tu mensaje en «{thread}». Solo las personas facilitadoras lo ven.',
  'event-changed.subject': 'Cambio: {event}',
  'event-changed.lead': '{event} cambió. Ahora es el {when}.',
  'event-cancelled.subject': 'Cancelado: {event}',
  'event-cancelled.lead': '{event}, previsto para el {when}, se canceló.',
  'digest.subject': 'Novedades en tus comunidades',
  'digest.lead': 'Desde el {since}:',
  'digest.threads': 'Nuevas conversaciones',
  'digest.unanswered': 'Preguntas que esperan a alguien con tus habilidades',
  'digest.events': 'Próximamente',
  'digest.newcomers': 'Personas nuevas a las que dar la bienvenida',
  'footer.reply': 'Responde a este correo para contestar en la conversación.',
  'footer.open': 'Ver en la web: {url}',
  'footer.why.thread': 'Recibes esto porque participas en esta conversación o la sigues.',
  'footer.why.expert':
    'Recibes esto porque otros miembros te reconocen en el tema de esta pregunta; como mucho dos preguntas así por semana.',
  'footer.why.list': 'Recibes cada mensaje de {community} porque el modo lista de correo está activado.',
  'footer.why.digest': 'Recibes un resumen {frequency} cuando ha pasado algo desde tu última visita.',
  'footer.why.event': 'Recibes esto porque respondiste a este evento.',
  'footer.unsubscribe': 'Dejar de recibir estos correos: {url}',
  'frequency.daily': 'diario',
  'frequency.weekly': 'semanal',
};

const ar: Catalogue = {
  'reply.subject': 'ردّ عليك {author} في «{thread}»',
  'reply.lead': 'ردّ {author} على مشاركتك في «{thread}»:',
  'thread-post.subject': 'جديد في «{thread}»',
  'thread-post.lead': 'كتب {author} في «{thread}» التي تتابعها:',
  'mention.subject': 'ذكرك {author} في «{thread}»',
  'mention.lead': 'ذكرك {author} في «{thread}»:',
  'accepted.subject': 'قُبلت إجابتك في «{thread}»',
  'accepted.lead': 'قبل {author} إجابتك على «{thread}». شكرًا لمساعدتك.',
  'list-post.subject': '{thread}',
  'list-post.lead': 'كتب {author} في {community}:',
  'expert-question.subject': 'سؤال لك: «{thread}»',
  'expert-question.lead': 'يرى {author} أنك تستطيع المساعدة في هذا السؤال:',
  'waitlist-promoted.subject': 'أصبح لك مقعد: {event}',
  'waitlist-promoted.lead': 'خرجت من قائمة الانتظار لـ {event} في {when}. أنت من الحضور.',
  'moderation.subject': 'أخفى أحد الميسّرين مشاركتك في «{thread}»',
  'moderation.lead': 'أخفى أحد ميسّري {community} مشاركتك في «{thread}». لا يراها الآن إلا الميسّرون.',
  'event-changed.subject': 'تغيير: {event}',
  'event-changed.lead': 'تغيّر موعد {event}. أصبح في {when}.',
  'event-cancelled.subject': 'أُلغي: {event}',
  'event-cancelled.lead': 'أُلغي {event} الذي كان مقرّرًا في {when}.',
  'digest.subject': 'ما الجديد في مجتمعاتك',
  'digest.lead': 'منذ {since}:',
  'digest.threads': 'نقاشات جديدة',
  'digest.unanswered': 'أسئلة تنتظر من لديه مهاراتك',
  'digest.events': 'قريبًا',
  'digest.newcomers': 'أعضاء جدد للترحيب بهم',
  'footer.reply': 'ردّ على هذه الرسالة للإجابة في النقاش.',
  'footer.open': 'افتح على الويب: {url}',
  'footer.why.thread': 'تصلك هذه الرسالة لأنك تشارك في هذا النقاش أو تتابعه.',
  'footer.why.expert': 'تصلك هذه الرسالة لأن الأعضاء يعترفون بخبرتك في موضوع هذا السؤال؛ سؤالان من هذا النوع في الأسبوع على الأكثر.',
  'footer.why.list': 'تصلك كل مشاركة في {community} لأن وضع القائمة البريدية مفعّل.',
  'footer.why.digest': 'يصلك ملخص {frequency} عندما يحدث شيء منذ زيارتك الأخيرة.',
  'footer.why.event': 'تصلك هذه الرسالة لأنك رددت على هذه الفعالية.',
  'footer.unsubscribe': 'إيقاف هذه الرسائل: {url}',
  'frequency.daily': 'يومي',
  'frequency.weekly': 'أسبوعي',
};

export const CATALOGUES: Record<MailLanguage, Catalogue> = { en, fr, es, ar };

/** The first of the member's languages that Grove writes mail in, else English. */
export function mailLanguage(languages: readonly string[]): MailLanguage {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split('-')[0];
    if ((MAIL_LANGUAGES as readonly string[]).includes(primary ?? '')) return primary as MailLanguage;
  }
  return 'en';
}

export function say(lang: MailLanguage, key: MailKey, values: Record<string, string> = {}): string {
  return CATALOGUES[lang][key].replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}
