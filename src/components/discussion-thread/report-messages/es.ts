import type { CatalogueOf } from '../../../i18n/types.js';
import type { ReportMessages } from './en.js';

const es: CatalogueOf<ReportMessages> = {
  'reports.title': 'Denuncias por revisar en esta comunidad',
  'reports.empty': 'No hay denuncias pendientes. Nada requiere su atención.',
  'reports.postBy': 'Mensaje de {name}',
  'reports.here': 'en esta conversación',
  'reports.in': 'en «{title}»',
  'reports.hidden': 'Oculto',
  'reports.deleted': 'Eliminado por su autor',
  'reports.reportedBy': 'Denunciado por {name}',
  'reports.count': '{count, plural, one {# denuncia pendiente sobre este mensaje} other {# denuncias pendientes sobre este mensaje}}',
  'reports.decide': 'Decisión sobre el mensaje de {name}',
  'reports.hide': 'Ocultar mensaje',
  'reports.dismiss': 'Descartar denuncia',
  'reports.keepHidden': 'Mantener oculto',
  'reports.restore': 'Restaurar mensaje',
  'reports.close': 'Cerrar denuncia',
  'reports.doneHidden': 'El mensaje está oculto y sus denuncias están cerradas.',
  'reports.doneRestored': 'El mensaje vuelve a estar visible y sus denuncias están cerradas.',
  'reports.doneDismissed': 'Denuncias descartadas: el mensaje queda como está.',
  'reports.alreadyResolved': 'Otro facilitador ya se ocupó de esta denuncia.',
  'reports.loadMore': 'Cargar más denuncias',
  'held.title': 'Mensajes pendientes de aprobación',
  'held.setting':
    '{count, plural, one {El primer mensaje de un miembro en esta comunidad espera a un facilitador.} other {Los # primeros mensajes de un miembro en esta comunidad esperan a un facilitador.}}',
  'held.off': 'La moderación previa está desactivada: los mensajes nuevos se publican al instante.',
  'held.empty': 'Ningún mensaje espera aprobación.',
  'held.decide': 'Decisión sobre el mensaje de {name}',
  'held.approve': 'Aprobar y publicar',
  'held.reject': 'Rechazar',
  'held.approved': 'El mensaje está publicado.',
  'held.rejected': 'El mensaje fue rechazado: solo los facilitadores lo ven.',
  'held.alreadyDecided': 'Otro facilitador ya decidió sobre este mensaje.',
  'held.loadMore': 'Ver más mensajes pendientes',
  'held.formerMember': 'Antiguo miembro',
};

export default es;
