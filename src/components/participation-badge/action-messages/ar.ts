import type { CatalogueOf } from '../../../i18n/types.js';
import type { ActionMessages } from './en.js';

const ar: CatalogueOf<ActionMessages> = {
  'actions.title': 'ما يحتاج إليك',
  'actions.allClear': 'لا شيء يحتاج إلى انتباهك الآن.',
  'actions.questions':
    '{count, plural, zero {لا أسئلة بلا إجابة} one {سؤال واحد بلا إجابة} two {سؤالان بلا إجابة} few {# أسئلة بلا إجابة} many {# سؤالًا بلا إجابة} other {# سؤال بلا إجابة}}',
  'actions.newcomers':
    '{count, plural, zero {لا أعضاء جدد} one {عضو جديد واحد لم يُرحَّب به بعد} two {عضوان جديدان لم يُرحَّب بهما بعد} few {# أعضاء جدد لم يُرحَّب بهم بعد} many {# عضوًا جديدًا لم يُرحَّب بهم بعد} other {# عضو جديد لم يُرحَّب بهم بعد}}',
  'actions.quiet':
    '{count, plural, zero {لا أعضاء توقفوا} one {عضو واحد توقف عن المشاركة} two {عضوان توقفا عن المشاركة} few {# أعضاء توقفوا عن المشاركة} many {# عضوًا توقفوا عن المشاركة} other {# عضو توقفوا عن المشاركة}}',
  'actions.reports':
    '{count, plural, zero {لا بلاغات مفتوحة} one {بلاغ مفتوح واحد} two {بلاغان مفتوحان} few {# بلاغات مفتوحة} many {# بلاغًا مفتوحًا} other {# بلاغ مفتوح}}',
  'actions.hostless':
    '{count, plural, zero {لا فعاليات بلا مضيف} one {فعالية واحدة بلا مضيف} two {فعاليتان بلا مضيف} few {# فعاليات بلا مضيف} many {# فعالية بلا مضيف} other {# فعالية بلا مضيف}}',
  'actions.askedBy': 'سأله {name} {time}',
  'actions.asked': 'طُرح {time}',
  'actions.joined': 'انضم {time}',
  'actions.lastActive':
    'آخر نشاط {time}، {count, plural, zero {بلا مساهمات سابقة} one {مساهمة واحدة سابقة} two {مساهمتان سابقتان} few {# مساهمات سابقة} many {# مساهمة سابقة} other {# مساهمة سابقة}}',
  'actions.reported': 'أُبلغ عنه {time}: «{reason}»',
  'actions.starts': 'يبدأ في {date}',
  'actions.welcome': 'رحّب',
  'actions.welcomeName': 'رحّب بـ{name}',
  'actions.welcomed': 'تم الترحيب',
  'actions.welcomedName': 'تم تسجيل الترحيب بـ{name}.',
  'actions.formerMember': 'عضو سابق',
};

export default ar;
