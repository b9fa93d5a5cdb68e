import type { CatalogueOf } from '../types.js';
import type { CoreMessages } from './en.js';

const ar: CatalogueOf<CoreMessages> = {
  'core.loading': 'جارٍ التحميل…',
  'core.stillLoading': 'ما زلنا نحاول: يستغرق هذا وقتًا أطول من المعتاد.',
  'core.empty': 'لا يوجد شيء لعرضه بعد.',
  'core.retry': 'إعادة المحاولة',
  'core.notConfigured': 'لم يُضبط أي خادم Grove لهذه الأداة: أضف <grove-provider api=…> أو <meta name="grove-api">.',
  'core.invalidAttribute':
    'قيمة السمة {name} غير صالحة: «{value}». {hint, select, oneOf {القيم الممكنة: {values}.} example {مثال: {example}.} range {أدخل عددًا صحيحًا من {min} إلى {max}.} other {}}',
  'core.missingAttribute': 'السمة {name} مطلوبة.',
  'core.notFoundAttribute': 'لا يوجد شيء باسم «{value}» (أو أنه مرئي للأعضاء فقط). تحقّق من السمة {name}.',
  'core.error.offline': 'تعذّر الوصول إلى الخادم. تحقّق من اتصالك وحاول مجددًا.',
  'core.error.timeout': 'استغرق الخادم وقتًا طويلًا للرد. حاول مجددًا.',
  'core.error.unauthorized': 'انتهت جلستك. سجّل الدخول مجددًا للمتابعة.',
  'core.error.forbidden': 'ليست لديك صلاحية للقيام بذلك.',
  'core.error.not-found': 'لم يُعثر على هذا العنصر. ربما حُذف.',
  'core.error.conflict': 'عدّل شخص آخر هذا العنصر في الأثناء. أعد التحميل وحاول مجددًا.',
  'core.error.invalid': 'بعض المعلومات غير صالحة. راجع الحقول المشار إليها.',
  'core.error.rate-limited': 'طلبات كثيرة جدًا. انتظر قليلًا ثم حاول مجددًا.',
  'core.error.unavailable': 'الخادم مشغول أو قيد الصيانة. حاول بعد قليل.',
  'core.error.server': 'حدث خطأ في الخادم. حاول لاحقًا.',
  'core.error.not-grove': 'العنوان في السمة api لا يستجيب كخادم Grove. تحقّق من السمة api.',
  'core.error.unknown': 'حدث خطأ. حاول مجددًا.',
};

export default ar;
