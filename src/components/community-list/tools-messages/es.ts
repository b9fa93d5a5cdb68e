import type { CatalogueOf } from '../../../i18n/types.js';
import type { ToolMessages } from './en.js';

const es: CatalogueOf<ToolMessages> = {
  'tools.label': 'Herramientas de facilitación para {name}',
  'tools.create': 'Nuevo subgrupo',
  'tools.name': 'Nombre',
  'tools.slug': 'Dirección',
  'tools.slugHint': 'Minúsculas, cifras y guiones, p. ej. calidad-agua. Si la deja vacía, se forma a partir del nombre.',
  'tools.purpose': 'Propósito',
  'tools.visibility': 'Quién puede leerlo',
  'tools.public': 'Todo el mundo',
  'tools.members': 'Solo miembros',
  'tools.submit': 'Abrir el subgrupo',
  'tools.cancel': 'Cancelar',
  'tools.nameError': 'Dé un nombre al grupo.',
  'tools.slugError': 'Use minúsculas, cifras y guiones, empezando por una letra o una cifra.',
  'tools.slugTaken': 'Esta dirección ya está en uso: elija otra.',
  'tools.created': '{name} está abierto y usted es su facilitador.',
  'tools.newState': 'Estado',
  'tools.apply': 'Cambiar el estado',
  'tools.reopen': 'Reabrir',
  'tools.changed': '{name} ahora está: {state}.',
  'tools.close': 'Cerrar…',
  'tools.closeTitle': '¿Cerrar {name}?',
  'tools.closeText':
    'Pasa a ser un archivo de solo lectura que sigue encontrándose entre los grupos cerrados. Sus miembros que aún no lo son de la comunidad madre pasan a serlo.',
  'tools.closeTop': 'Pasa a ser un archivo de solo lectura que sigue encontrándose entre los grupos cerrados.',
  'tools.confirmClose': 'Cerrar el grupo',
  'tools.closed':
    '{name} está cerrado. {count, plural, =0 {Sus miembros ya estaban en la comunidad madre.} one {# miembro se unió a la comunidad madre.} other {# miembros se unieron a la comunidad madre.}}',
  'tools.requests': '{count, plural, one {# solicitud para unirse} other {# solicitudes para unirse}}',
  'tools.noRequests': 'No hay solicitudes pendientes.',
  'tools.approve': 'Aceptar',
  'tools.decline': 'Rechazar',
  'tools.approved': '{name} ya es miembro.',
  'tools.declined': 'Rechazó la solicitud de {name}.',
  'tools.invite': 'Invitar a un miembro',
  'tools.search': 'Nombre, competencia u organización',
  'tools.find': 'Buscar',
  'tools.inviteOne': 'Invitar',
  'tools.invited': '{name} está invitado: acepta uniéndose al grupo.',
  'tools.letIn': '{name} había pedido unirse y ya es miembro.',
  'tools.already': '{name} ya es miembro.',
  'tools.noneFound': 'No se encontró a nadie.',
  'tools.former': 'Antiguo miembro',
};

export default es;
