import type { CatalogueOf } from '../../../i18n/types.js';
import type { ExpertMessages } from './en.js';

const ar: CatalogueOf<ExpertMessages> = {
  'experts.label': 'البحث عن خبراء',
  'experts.ask': 'اطرح سؤالاً أو اذكر موضوعاً',
  'experts.hint': 'مثلاً: من يمكنه المساعدة في الري بالتنقيط؟',
  'experts.submit': 'ابحث عن خبراء',
  'experts.idle': 'اكتب سؤالاً لترى من هو الأقدر على المساعدة، ولماذا.',
  'experts.found':
    '{count, plural, =0 {لم يُعثر على خبراء} one {عُثر على خبير واحد} two {عُثر على خبيرين} few {عُثر على # خبراء} many {عُثر على # خبيرًا} other {عُثر على # خبير}}',
  'experts.empty': 'لا أحد يطابق هذا السؤال بعد. جرّب موضوعاً أوسع أو كلمة أخرى.',
  'experts.topics': 'المواضيع المطابقة: {topics}',
  'experts.why': 'لماذا {name}',
  'experts.availability.open': 'متاح للأسئلة',
  'experts.availability.limited': 'وقت محدود للأسئلة',
  'experts.speaks': 'يتحدث {languages}',
  'experts.localTime': '{time} بالتوقيت المحلي',
  'experts.busy':
    '{count, plural, one {مساهمة واحدة} two {مساهمتان} few {# مساهمات} many {# مساهمة} other {# مساهمة}} خلال آخر 30 يوماً: قد يجيب آخرون أسرع',
  'experts.askAction': 'اسأل {name}',
  'experts.noContact': 'لا توجد وسيلة اتصال مشتركة معك',
  'experts.thisQuestion': 'هذا السؤال',
  'experts.evidence.accepted-answer':
    '{count, plural, one {إجابة مقبولة واحدة} two {إجابتان مقبولتان} few {# إجابات مقبولة} many {# إجابة مقبولة} other {# إجابة مقبولة}} حول {topic}',
  'experts.evidence.answer': '{count, plural, one {إجابة واحدة} two {إجابتان} few {# إجابات} many {# إجابة} other {# إجابة}} حول {topic}',
  'experts.evidence.post':
    '{count, plural, one {مشاركة واحدة} two {مشاركتان} few {# مشاركات} many {# مشاركة} other {# مشاركة}} حول {topic}',
  'experts.evidence.event-led':
    'أدار {count, plural, one {فعالية واحدة} two {فعاليتين} few {# فعاليات} many {# فعالية} other {# فعالية}} حول {topic}',
  'experts.evidence.endorsement':
    'حصل على تزكية في {topic} {count, plural, one {مرة واحدة} two {مرتين} few {# مرات} many {# مرة} other {# مرة}}',
  'experts.evidence.declared-skill': 'يذكر {topic} ضمن مهاراته',
  'experts.evidence.profile': 'الملف الشخصي يذكر {topic}',
};

export default ar;
