import type { CatalogueOf } from '../../../i18n/types.js';
import type { Messages } from './en.js';

const es: CatalogueOf<Messages> = {
  'list.label': 'Comunidades',
  'list.subgroups': 'Grupos de {name}',
  'list.empty': 'Todavía no hay grupos abiertos.',
  'list.state': '{state, select, forming {En formación} active {Activa} dormant {Inactiva} closed {Cerrada} other {{state}}}',
  'list.membersOnly': 'Solo miembros',
  'list.members': '{count, plural, one {# miembro} other {# miembros}}',
  'list.activity': '{count, plural, =0 {Ningún mensaje en 30 días} one {# mensaje en 30 días} other {# mensajes en 30 días}}',
  'list.lastPost': 'Último mensaje el {date}',
  'list.facilitators': 'Facilitado por {names}',
  'list.former': 'Antiguo miembro',
  'list.join': 'Unirse',
  'list.leave': 'Salir',
  'list.request': 'Solicitar unirse',
  'list.accept': 'Aceptar la invitación',
  'list.withdraw': 'Retirar solicitud',
  'list.pending': 'Solicitud enviada',
  'list.joined': 'Te uniste a {name}.',
  'list.left': 'Saliste de {name}.',
  'list.requested': 'Tu solicitud para unirte a {name} se envió a sus facilitadores.',
  'list.withdrawn': 'Retiraste tu solicitud para unirte a {name}.',
  'list.archive': 'Grupos cerrados (archivo)',
  'list.archiveEmpty': 'No hay grupos cerrados.',
  'list.closedOn': 'Cerrado el {date}: archivo de solo lectura.',
  'list.more': 'Mostrar más',
};

export default es;
