// Mounts the directory as a site editor would paste it, scoped by ?community= (the whole network when absent).
const community = new URLSearchParams(location.search).get('community');
const directory = document.createElement('grove-member-directory');
if (community) directory.setAttribute('community', community);
document.querySelector('grove-provider').append(directory);
