import type { CatalogueOf } from '../../../i18n/types.js';
import type { BadgeMessages } from './en.js';

const ar: CatalogueOf<BadgeMessages> = {
  'badge.level.core': 'مساهم أساسي',
  'badge.level.active': 'مساهم نشط',
  'badge.level.occasional': 'مساهم من حين لآخر',
  'badge.level.peripheral': 'عضو',
  'badge.level.transactional': 'مساهم زائر',
  'badge.about.core': 'من الأشخاص الذين يحافظون على حيوية هذا المجتمع.',
  'badge.about.active': 'يشارك بانتظام في النقاشات والفعاليات.',
  'badge.about.occasional': 'يشارك من حين لآخر.',
  'badge.about.peripheral': 'يتابع المجتمع ويتعلّم منه.',
  'badge.about.transactional': 'يساهم هنا دون أن يكون عضوًا.',
  'badge.lastActive': 'آخر نشاط في {month}',
  'badge.details': 'مشاركة {name}: {level}',
  'badge.window':
    '{months, plural, one {خلال الشهر الماضي} two {خلال الشهرين الماضيين} few {خلال الأشهر الـ# الماضية} other {خلال الـ# شهرًا الماضية}}',
  'badge.noContributions': 'لا توجد مساهمات في هذه الفترة بعد.',
  'badge.hidden': 'لا يعرض هذا العضو شارة مشاركة.',
  'badge.contribution.posts':
    '{count, plural, zero {لا مشاركات} one {مشاركة واحدة} two {مشاركتان} few {# مشاركات} many {# مشاركة} other {# مشاركة}}',
  'badge.contribution.answers':
    '{count, plural, zero {لا إجابات} one {إجابة واحدة} two {إجابتان} few {# إجابات} many {# إجابة} other {# إجابة}}',
  'badge.contribution.acceptedAnswers':
    '{count, plural, zero {لا إجابات مقبولة} one {إجابة مقبولة واحدة} two {إجابتان مقبولتان} few {# إجابات مقبولة} many {# إجابة مقبولة} other {# إجابة مقبولة}}',
  'badge.contribution.eventsAttended':
    '{count, plural, zero {لم يحضر أي فعالية} one {حضور فعالية واحدة} two {حضور فعاليتين} few {حضور # فعاليات} many {حضور # فعالية} other {حضور # فعالية}}',
  'badge.contribution.eventsHosted':
    '{count, plural, zero {لم ينظّم أي فعالية} one {تنظيم فعالية واحدة} two {تنظيم فعاليتين} few {تنظيم # فعاليات} many {تنظيم # فعالية} other {تنظيم # فعالية}}',
  'badge.contribution.endorsementsGiven':
    '{count, plural, zero {لا تزكيات مقدّمة} one {تزكية مقدّمة واحدة} two {تزكيتان مقدّمتان} few {# تزكيات مقدّمة} many {# تزكية مقدّمة} other {# تزكية مقدّمة}}',
  'badge.contribution.endorsementsReceived':
    '{count, plural, zero {لا تزكيات مستلمة} one {تزكية مستلمة واحدة} two {تزكيتان مستلمتان} few {# تزكيات مستلمة} many {# تزكية مستلمة} other {# تزكية مستلمة}}',
  'badge.achievements': 'الإنجازات',
  'badge.achievement.first-post': 'أول مشاركة',
  'badge.achievement.first-accepted-answer': 'أول إجابة مقبولة',
  'badge.achievement.helped-10': 'ساعد 10 أعضاء',
  'badge.achievement.event-host': 'نظّم فعالية',
  'badge.achievement.regular-attendee': 'يحضر الفعاليات بانتظام',
  'badge.achievement.facilitator': 'ميسّر',
  'badge.earned': 'حصل عليه في {date}',
  'badge.credential': 'تنزيل الشهادة',
  'badge.credentialLabel': 'تنزيل الشهادة: {achievement} (Open Badges 3.0)',
  'badge.hide': 'إخفاء شارتي عن الآخرين',
  'badge.show': 'إظهار شارتي للآخرين',
  'badge.hiddenNotice': 'شارتك مخفية: أنت وحدك من يراها.',
  'badge.close': 'إغلاق',
  'profile.title': 'المشاركة في {community}',
  'profile.members': '{count, plural, zero {لا أعضاء} one {عضو واحد} two {عضوان} few {# أعضاء} many {# عضوًا} other {# عضو}}',
  'profile.newcomers':
    '{count, plural, zero {لا أعضاء جدد هذا الشهر} one {عضو جديد واحد هذا الشهر} two {عضوان جديدان هذا الشهر} few {# أعضاء جدد هذا الشهر} many {# عضوًا جديدًا هذا الشهر} other {# عضو جديد هذا الشهر}}',
  'profile.unanswered':
    '{count, plural, zero {لا أسئلة بلا إجابة} one {سؤال واحد بلا إجابة} two {سؤالان بلا إجابة} few {# أسئلة بلا إجابة} many {# سؤالًا بلا إجابة} other {# سؤال بلا إجابة}}',
  'profile.firstReply': 'الوقت الوسيط لأول رد: {time}',
  'profile.noReplies': 'لا ردود خلال آخر 90 يومًا',
  'profile.hours': '{count, plural, zero {# ساعة} one {ساعة واحدة} two {ساعتان} few {# ساعات} many {# ساعة} other {# ساعة}}',
  'profile.days': '{count, plural, zero {# يوم} one {يوم واحد} two {يومان} few {# أيام} many {# يومًا} other {# يوم}}',
  'profile.shares': 'الأعضاء حسب المستوى',
  'profile.shareSummary': '{level}: {count} ({percent})',
  'profile.trend': 'المستويات حسب الشهر',
  'profile.trendSummary': 'المساهمون (الأساسيون والنشطون والعرضيون) حسب الشهر، من {first} في {from} إلى {last} في {to}.',
  'profile.month': 'الشهر',
  'profile.level': 'المستوى',
  'profile.count': 'الأعضاء',
  'profile.share': 'النسبة',
  'profile.level.core': 'الأساسيون',
  'profile.level.active': 'النشطون',
  'profile.level.occasional': 'العرضيون',
  'profile.level.peripheral': 'الطرفيون (يتابعون ويتعلّمون)',
  'profile.level.transactional': 'الزوار (غير الأعضاء)',
  'profile.showTable': 'عرض الأرقام في جدول',
};

export default ar;
