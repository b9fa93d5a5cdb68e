import type { CatalogueOf } from '../../../i18n/types.js';
import type { ToolMessages } from './en.js';

const ar: CatalogueOf<ToolMessages> = {
  'tools.label': 'أدوات التيسير لـ {name}',
  'tools.create': 'مجموعة فرعية جديدة',
  'tools.name': 'الاسم',
  'tools.slug': 'العنوان',
  'tools.slugHint': 'أحرف لاتينية صغيرة وأرقام وشرطات، مثل water-quality. إن تُرك فارغًا يُشتق من الاسم.',
  'tools.purpose': 'الغرض',
  'tools.visibility': 'من يمكنه القراءة',
  'tools.public': 'الجميع',
  'tools.members': 'الأعضاء فقط',
  'tools.submit': 'فتح المجموعة الفرعية',
  'tools.cancel': 'إلغاء',
  'tools.nameError': 'أعطِ المجموعة اسمًا.',
  'tools.slugError': 'استخدم أحرفًا لاتينية صغيرة وأرقامًا وشرطات، تبدأ بحرف أو رقم.',
  'tools.slugTaken': 'هذا العنوان مستخدم: اختر عنوانًا آخر.',
  'tools.created': 'فُتحت {name} وأنت ميسّرها.',
  'tools.newState': 'الحالة',
  'tools.apply': 'تغيير الحالة',
  'tools.reopen': 'إعادة الفتح',
  'tools.changed': 'أصبحت {name}: {state}.',
  'tools.close': 'إغلاق…',
  'tools.closeTitle': 'إغلاق {name}؟',
  'tools.closeText': 'تصبح أرشيفًا للقراءة فقط يبقى متاحًا ضمن المجموعات المغلقة. ويصبح أعضاؤها الذين ليسوا أعضاء في المجتمع الأم أعضاءً فيه.',
  'tools.closeTop': 'تصبح أرشيفًا للقراءة فقط يبقى متاحًا ضمن المجموعات المغلقة.',
  'tools.confirmClose': 'إغلاق المجموعة',
  'tools.closed':
    'أُغلقت {name}. {count, plural, =0 {كان أعضاؤها في المجتمع الأم من قبل.} one {انضم عضو واحد إلى المجتمع الأم.} two {انضم عضوان إلى المجتمع الأم.} few {انضم # أعضاء إلى المجتمع الأم.} many {انضم # عضوًا إلى المجتمع الأم.} other {انضم # عضو إلى المجتمع الأم.}}',
  'tools.requests':
    '{count, plural, one {طلب انضمام واحد} two {طلبا انضمام} few {# طلبات انضمام} many {# طلب انضمام} other {# طلب انضمام}}',
  'tools.noRequests': 'لا توجد طلبات معلّقة.',
  'tools.approve': 'قبول',
  'tools.decline': 'رفض',
  'tools.approved': 'أصبح {name} عضوًا.',
  'tools.declined': 'رفضت طلب {name}.',
  'tools.invite': 'دعوة عضو',
  'tools.search': 'الاسم أو المهارة أو المنظمة',
  'tools.find': 'بحث',
  'tools.inviteOne': 'دعوة',
  'tools.invited': 'تمت دعوة {name}: يقبل بالانضمام إلى المجموعة.',
  'tools.letIn': 'طلب {name} الانضمام وأصبح الآن عضوًا.',
  'tools.already': '{name} عضو بالفعل.',
  'tools.noneFound': 'لم يُعثر على أحد.',
  'tools.former': 'عضو سابق',
};

export default ar;
