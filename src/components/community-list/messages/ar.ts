import type { CatalogueOf } from '../../../i18n/types.js';
import type { Messages } from './en.js';

const ar: CatalogueOf<Messages> = {
  'list.label': 'المجتمعات',
  'list.subgroups': 'مجموعات {name}',
  'list.empty': 'لا توجد مجموعات مفتوحة بعد.',
  'list.state': '{state, select, forming {قيد التكوين} active {نشطة} dormant {خاملة} closed {مغلقة} other {{state}}}',
  'list.membersOnly': 'للأعضاء فقط',
  'list.members': '{count, plural, =0 {لا أعضاء} one {عضو واحد} two {عضوان} few {# أعضاء} many {# عضوًا} other {# عضو}}',
  'list.activity':
    '{count, plural, =0 {لا مشاركات خلال 30 يومًا} one {مشاركة واحدة خلال 30 يومًا} two {مشاركتان خلال 30 يومًا} few {# مشاركات خلال 30 يومًا} many {# مشاركة خلال 30 يومًا} other {# مشاركة خلال 30 يومًا}}',
  'list.lastPost': 'آخر مشاركة في {date}',
  'list.facilitators': 'ييسّرها {names}',
  'list.former': 'عضو سابق',
  'list.join': 'انضمام',
  'list.leave': 'مغادرة',
  'list.request': 'طلب الانضمام',
  'list.accept': 'قبول الدعوة',
  'list.withdraw': 'سحب الطلب',
  'list.pending': 'تم إرسال الطلب',
  'list.joined': 'انضممت إلى {name}.',
  'list.left': 'غادرت {name}.',
  'list.requested': 'أُرسل طلبك للانضمام إلى {name} إلى ميسّريها.',
  'list.withdrawn': 'سحبت طلبك للانضمام إلى {name}.',
  'list.archive': 'المجموعات المغلقة (الأرشيف)',
  'list.archiveEmpty': 'لا توجد مجموعات مغلقة.',
  'list.closedOn': 'أُغلقت في {date}: أرشيف للقراءة فقط.',
  'list.more': 'عرض المزيد',
};

export default ar;
