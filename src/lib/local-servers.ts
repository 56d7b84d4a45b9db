/** decap-server's port unless `DECAP_SERVER_PORT` names another (the dev script, the site and the CMS agree on it). */
export const DEFAULT_DECAP_PORT = '8081';
