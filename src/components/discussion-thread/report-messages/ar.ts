import type { CatalogueOf } from '../../../i18n/types.js';
import type { ReportMessages } from './en.js';

const ar: CatalogueOf<ReportMessages> = {
  'reports.title': 'بلاغات تنتظر المراجعة في هذا المجتمع',
  'reports.empty': 'لا توجد بلاغات مفتوحة. لا شيء يحتاج إلى انتباهك.',
  'reports.postBy': 'مشاركة من {name}',
  'reports.here': 'في هذا النقاش',
  'reports.in': 'في «{title}»',
  'reports.hidden': 'مخفية',
  'reports.deleted': 'حذفها كاتبها',
  'reports.reportedBy': 'أبلغ عنها {name}',
  'reports.count':
    '{count, plural, zero {لا بلاغات مفتوحة على هذه المشاركة} one {بلاغ مفتوح واحد على هذه المشاركة} two {بلاغان مفتوحان على هذه المشاركة} few {# بلاغات مفتوحة على هذه المشاركة} many {# بلاغًا مفتوحًا على هذه المشاركة} other {# بلاغ مفتوح على هذه المشاركة}}',
  'reports.decide': 'القرار بشأن مشاركة {name}',
  'reports.hide': 'إخفاء المشاركة',
  'reports.dismiss': 'رفض البلاغ',
  'reports.keepHidden': 'إبقاؤها مخفية',
  'reports.restore': 'استعادة المشاركة',
  'reports.close': 'إغلاق البلاغ',
  'reports.doneHidden': 'أُخفيت المشاركة وأُغلقت بلاغاتها.',
  'reports.doneRestored': 'عادت المشاركة مرئية وأُغلقت بلاغاتها.',
  'reports.doneDismissed': 'رُفضت البلاغات: تبقى المشاركة كما هي.',
  'reports.alreadyResolved': 'عالج ميسّر آخر هذا البلاغ بالفعل.',
  'reports.loadMore': 'عرض مزيد من البلاغات',
  'held.title': 'مشاركات بانتظار الموافقة',
  'held.setting':
    '{count, plural, zero {لا تنتظر أي مشاركة.} one {تنتظر أول مشاركة للعضو في هذا المجتمع موافقة الميسّر.} two {تنتظر أول مشاركتين للعضو في هذا المجتمع موافقة الميسّر.} few {تنتظر أول # مشاركات للعضو في هذا المجتمع موافقة الميسّر.} many {تنتظر أول # مشاركة للعضو في هذا المجتمع موافقة الميسّر.} other {تنتظر أول # مشاركة للعضو في هذا المجتمع موافقة الميسّر.}}',
  'held.off': 'الإشراف المسبق متوقف: تُنشر المشاركات الجديدة فورًا.',
  'held.empty': 'لا توجد مشاركة بانتظار الموافقة.',
  'held.decide': 'القرار بشأن مشاركة {name}',
  'held.approve': 'وافق وانشر',
  'held.reject': 'ارفض',
  'held.approved': 'نُشرت المشاركة.',
  'held.rejected': 'رُفضت المشاركة: لا يراها إلا الميسّرون.',
  'held.alreadyDecided': 'اتخذ ميسّر آخر قرارًا بشأن هذه المشاركة.',
  'held.loadMore': 'عرض مزيد من المشاركات المنتظرة',
  'held.formerMember': 'عضو سابق',
};

export default ar;
