import type { CatalogueOf } from '../../../i18n/types.js';
import type { ActionMessages } from './en.js';

const es: CatalogueOf<ActionMessages> = {
  'actions.title': 'Lo que le necesita',
  'actions.allClear': 'Nada requiere su atención por ahora.',
  'actions.questions': '{count, plural, one {# pregunta sin respuesta} other {# preguntas sin respuesta}}',
  'actions.newcomers': '{count, plural, one {# recién llegado sin bienvenida} other {# recién llegados sin bienvenida}}',
  'actions.quiet': '{count, plural, one {# miembro dejó de participar} other {# miembros dejaron de participar}}',
  'actions.reports': '{count, plural, one {# denuncia abierta} other {# denuncias abiertas}}',
  'actions.hostless': '{count, plural, one {# evento sin anfitrión} other {# eventos sin anfitrión}}',
  'actions.askedBy': 'preguntada {time} por {name}',
  'actions.asked': 'preguntada {time}',
  'actions.joined': 'se unió {time}',
  'actions.lastActive': 'última actividad {time}, {count, plural, one {# contribución antes} other {# contribuciones antes}}',
  'actions.reported': 'denunciado {time}: «{reason}»',
  'actions.starts': 'empieza el {date}',
  'actions.welcome': 'Dar la bienvenida',
  'actions.welcomeName': 'Dar la bienvenida a {name}',
  'actions.welcomed': 'Bienvenida dada',
  'actions.welcomedName': '{name} queda marcado como bienvenido.',
  'actions.formerMember': 'Antiguo miembro',
};

export default es;
