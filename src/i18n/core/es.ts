import type { CatalogueOf } from '../types.js';
import type { CoreMessages } from './en.js';

const es: CatalogueOf<CoreMessages> = {
  'core.loading': 'Cargando…',
  'core.stillLoading': 'Seguimos intentándolo: tarda más de lo habitual.',
  'core.empty': 'Todavía no hay nada que mostrar.',
  'core.retry': 'Reintentar',
  'core.notConfigured':
    'No hay ningún servidor Grove configurado para este widget: añada un <grove-provider api=…> o <meta name="grove-api">.',
  'core.invalidAttribute':
    'El atributo {name} tiene un valor no válido «{value}». {hint, select, oneOf {Valores posibles: {values}.} example {Por ejemplo: {example}.} range {Indique un número entero entre {min} y {max}.} other {}}',
  'core.missingAttribute': 'El atributo {name} es obligatorio.',
  'core.notFoundAttribute': 'No se encontró nada llamado «{value}» (o solo lo ven los miembros). Revise el atributo {name}.',
  'core.error.offline': 'No se pudo conectar con el servidor. Compruebe su conexión e inténtelo de nuevo.',
  'core.error.timeout': 'El servidor tardó demasiado en responder. Inténtelo de nuevo.',
  'core.error.unauthorized': 'Su sesión ha caducado. Vuelva a iniciar sesión para continuar.',
  'core.error.forbidden': 'No tiene permiso para hacer esto.',
  'core.error.not-found': 'No se encontró. Es posible que se haya eliminado.',
  'core.error.conflict': 'Alguien lo modificó mientras tanto. Recargue e inténtelo de nuevo.',
  'core.error.invalid': 'Algunos datos no son válidos. Revise los campos señalados.',
  'core.error.rate-limited': 'Demasiadas solicitudes. Espere un momento e inténtelo de nuevo.',
  'core.error.unavailable': 'El servidor está ocupado o en mantenimiento. Inténtelo en un momento.',
  'core.error.server': 'Se produjo un error en el servidor. Inténtelo más tarde.',
  'core.error.not-grove': 'La dirección del atributo api no responde como un servidor Grove. Compruebe el atributo api.',
  'core.error.unknown': 'Se produjo un error. Inténtelo de nuevo.',
};

export default es;
