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
};

export default es;
