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
  'reports.count': '{count, plural, zero {لا بلاغات مفتوحة على هذه المشاركة} one {بلاغ مفتوح واحد على هذه المشاركة} two {بلاغان مفتوحان على هذه المشاركة} few {# بلاغات مفتوحة على هذه المشاركة} many {# بلاغًا مفتوحًا على هذه المشاركة} other {# بلاغ مفتوح على هذه المشاركة}}',
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
};

export default ar;
